/** Unique ids for tab panels across a build; pages never share a DOM, so a running counter is enough. */
let lastId = 0;

export function nextTabPanelId(): string {
  lastId += 1;
  return `shell-panel-${lastId}`;
}
