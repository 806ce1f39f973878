import { afterEach } from 'vitest';

// Each test starts as a new workstation: what the interface remembers per user (filters, pages,
// column widths, the folded menu) stays with the test that made it.
afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
