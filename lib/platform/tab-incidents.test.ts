import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { createTabIncidents, watchTabIncident } from './tab-incidents';
import { partFailed, type TabIncident } from '../incident/tab-incident';

const observation = (url: string) => ({
  url,
  method: 'GET',
  statusCode: 502,
  headers: [],
  frame: 'xmlhttprequest' as const,
  time: 0,
});

describe('tab incidents', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('applies concurrent updates to one tab in order, losing none, in few writes', async () => {
    const write = vi.spyOn(storage, 'setItem');
    const incidents = createTabIncidents(storage);
    const page = 'https://shop.example/';
    const updates = Array.from({ length: 200 }, (_, i) =>
      incidents.update(7, (current) =>
        partFailed(current, page, observation(`https://api${i % 3}.example/x`), 'api'),
      ),
    );
    await Promise.all(updates);
    const stored = (await incidents.get(7)) as TabIncident;
    expect(stored.parts.map((p) => [p.host, p.count]).sort()).toEqual([
      ['api0.example', 67],
      ['api1.example', 67],
      ['api2.example', 66],
    ]);
    expect(write.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('lets updates wait for company, and writes at once, with them, an update that cannot wait', async () => {
    const write = vi.spyOn(storage, 'setItem');
    write.mockClear();
    const incidents = createTabIncidents(storage);
    const add = (i: number) => (current: TabIncident | null) =>
      partFailed(current, 'https://shop.example/', observation(`https://api${i}.example/x`), 'api');
    const waiting = [
      incidents.update(8, add(0), { within: 60_000 }),
      incidents.update(8, add(1), { within: 60_000 }),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(write).not.toHaveBeenCalled();
    await Promise.all([...waiting, incidents.update(8, add(2))]);
    expect(write).toHaveBeenCalledOnce();
    expect((await incidents.get(8))?.parts).toHaveLength(3);
  });

  it('removes the record when an update returns null, and keeps tabs apart', async () => {
    const incidents = createTabIncidents(storage);
    await incidents.update(1, (c) =>
      partFailed(c, 'https://a.example/', observation('https://a.example/api'), 'api'),
    );
    await incidents.update(2, (c) =>
      partFailed(c, 'https://b.example/', observation('https://b.example/api'), 'api'),
    );
    await incidents.update(1, () => null);
    expect(await incidents.get(1)).toBeNull();
    expect((await incidents.get(2))?.url).toBe('https://b.example/');
  });

  it('leaves nothing behind for a closed tab, whatever was still being handled for it', async () => {
    const incidents = createTabIncidents(storage);
    const add = (current: TabIncident | null) =>
      partFailed(current, 'https://a.example/', observation('https://a.example/api'), 'api');
    // Read before the tab closes, written after: the write must not bring the record back.
    const inFlight = incidents.update(5, add);
    await incidents.tabClosed(5);
    const late = incidents.update(5, add);
    await Promise.all([inFlight, late]);
    expect(await incidents.get(5)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // Other tabs, and a record merely removed (the site ignored), carry on.
    await incidents.update(6, add);
    await incidents.remove(6);
    await incidents.update(6, add);
    expect((await incidents.get(6))?.parts).toHaveLength(1);
  });

  it('reads a tab with no record once and writes nothing when it stays without one', async () => {
    const incidents = createTabIncidents(storage);
    const read = vi.spyOn(storage, 'getItem');
    const write = vi.spyOn(storage, 'setItem');
    const remove = vi.spyOn(storage, 'removeItem');
    expect(await incidents.update(5, () => null)).toBeNull();
    expect(read).toHaveBeenCalledTimes(1);
    expect(write).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
  });

  it('writes nothing when every update hands back the record as it is', async () => {
    const incidents = createTabIncidents(storage);
    const page = 'https://shop.example/';
    await incidents.update(3, (c) => partFailed(c, page, observation(`${page}api`), 'api'));
    const write = vi.spyOn(storage, 'setItem');
    const unchanged = await Promise.all([
      incidents.update(3, (current) => current),
      incidents.update(3, (current) => current),
    ]);
    expect(write).not.toHaveBeenCalled();
    expect(unchanged[0]?.parts).toHaveLength(1);
    await incidents.update(3, (c) => partFailed(c, page, observation(`${page}api`), 'api'));
    expect(write).toHaveBeenCalledTimes(1);
    expect((await incidents.get(3))?.parts[0]?.count).toBe(2);
  });

  it('remembers a tab without a record, and finds the record once one is written', async () => {
    const incidents = createTabIncidents(storage);
    expect(await incidents.get(4)).toBeNull();
    const read = vi.spyOn(storage, 'getItem');
    expect(await incidents.get(4)).toBeNull();
    expect(await incidents.update(4, () => null)).toBeNull();
    expect(read).not.toHaveBeenCalled();
    await incidents.update(4, (c) =>
      partFailed(c, 'https://a.example/', observation('https://a.example/api'), 'api'),
    );
    expect((await incidents.get(4))?.parts).toHaveLength(1);
    await incidents.remove(4);
    expect(await incidents.get(4)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('does not take a read that a write overlapped for proof that a tab has no record', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const area = Object.create(storage) as typeof storage;
    // The first read sees storage before the write below, and answers only after that write is done.
    area.getItem = (async (key: string) => {
      const value = await storage.getItem(key as `session:${string}`);
      if (first) {
        first = false;
        await gate;
      }
      return value;
    }) as typeof storage.getItem;
    const incidents = createTabIncidents(area);
    const early = incidents.get(6);
    await incidents.update(6, (c) =>
      partFailed(c, 'https://a.example/', observation('https://a.example/api'), 'api'),
    );
    release();
    expect(await early).toBeNull();
    expect((await incidents.get(6))?.parts).toHaveLength(1);
  });

  it('reads a record it wrote from memory, for the last few tabs it wrote', async () => {
    const incidents = createTabIncidents(storage);
    const add = (tab: number) => (current: TabIncident | null) =>
      partFailed(
        current,
        `https://${tab}.example/`,
        observation(`https://api.example/${tab}`),
        'api',
      );
    await incidents.update(1, add(1));
    const read = vi.spyOn(storage, 'getItem');
    expect((await incidents.get(1))?.url).toBe('https://1.example/');
    expect((await incidents.update(1, add(1)))?.parts[0]?.count).toBe(2);
    expect(read).not.toHaveBeenCalled();
    // 32 tabs written since: the first one's record is read from storage again, once.
    for (let tab = 2; tab <= 33; tab++) await incidents.update(tab, add(tab));
    read.mockClear();
    expect((await incidents.get(33))?.url).toBe('https://33.example/');
    expect(read).not.toHaveBeenCalled();
    expect((await incidents.get(1))?.parts[0]?.count).toBe(2);
    expect((await incidents.get(1))?.parts[0]?.count).toBe(2);
    expect(read).toHaveBeenCalledOnce();
  });

  it('takes a record from storage when its write failed, not the one it tried to write', async () => {
    const incidents = createTabIncidents(storage);
    const add = (current: TabIncident | null) =>
      partFailed(current, 'https://a.example/', observation('https://a.example/api'), 'api');
    await incidents.update(2, add);
    vi.spyOn(storage, 'setItem').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(incidents.update(2, add)).rejects.toThrow('quota');
    expect((await incidents.get(2))?.parts[0]?.count).toBe(1);
  });

  it('keeps working after an update throws', async () => {
    const incidents = createTabIncidents(storage);
    await expect(
      incidents.update(3, () => {
        throw new Error('broken update');
      }),
    ).rejects.toThrow('broken update');
    await incidents.update(3, (c) =>
      partFailed(c, 'https://a.example/', observation('https://a.example/api'), 'api'),
    );
    expect((await incidents.get(3))?.parts).toHaveLength(1);
  });

  it('tells a watcher of one tab when its record is written or removed, and stops when asked', async () => {
    const incidents = createTabIncidents(storage);
    const seen = vi.fn();
    const unwatch = watchTabIncident(7, seen, storage);
    await incidents.update(8, (current) =>
      partFailed(current, 'https://other.example/', observation('https://api.example/x'), 'api'),
    );
    await incidents.update(7, (current) =>
      partFailed(current, 'https://shop.example/', observation('https://api.example/x'), 'api'),
    );
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    await incidents.update(7, () => null);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2));
    unwatch();
    await incidents.update(7, (current) =>
      partFailed(current, 'https://shop.example/', observation('https://api.example/x'), 'api'),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
