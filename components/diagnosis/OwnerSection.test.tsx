// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OwnerSection } from './OwnerSection';
import { fixtureCase, renderInEnglish, translate } from './test-support';

afterEach(cleanup);

describe('OwnerSection', () => {
  it('is collapsed under "I run this site", with the owner’s checks and the Ray ID inside', () => {
    const { diagnosis, fixture } = fixtureCase('cloudflare-522');
    const { container } = renderInEnglish(<OwnerSection {...diagnosis} />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('I run this site');
    for (const step of diagnosis.ownerSteps) {
      expect(details.textContent).toContain(translate(step.title));
    }
    // The Ray ID is the cf-ray header the response carried.
    expect(screen.getByText('Ray ID').tagName).toBe('DT');
    expect(screen.getByText(String(fixture.headers['CF-RAY'])).tagName).toBe('DD');
  });

  it('says when the response carried no identifier', () => {
    renderInEnglish(<OwnerSection {...fixtureCase('nginx-502-chrome').diagnosis} />);
    expect(screen.getByText('The response carried no request identifier.')).toBeTruthy();
  });
});
