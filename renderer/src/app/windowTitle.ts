/**
 * The window's title (the desktop window and the taskbar show the page's): the page, then the
 * county the workbench serves once it is set up, then the app, e.g. 信访积案 - 中牟县 - 综治工作台.
 */
export const windowTitle = (page?: string, county?: string | null): string =>
  [page, county, '综治工作台'].filter(Boolean).join(' - ');
