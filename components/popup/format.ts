/** Times and dates as the visitor's browser writes them. */
export const timeOf = (epochMs: number) => new Date(epochMs).toLocaleTimeString();
export const dateOf = (epochMs: number) =>
  new Date(epochMs).toLocaleDateString(undefined, { dateStyle: 'long' });
