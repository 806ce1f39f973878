import { Menu, screen, type MenuItemConstructorOptions, type Rectangle } from 'electron';

/** The parts of Electron's `Display` the menu reads. */
export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
  scaleFactor: number;
}

export interface MenuActions {
  openBoard(display: DisplayInfo): void;
  closeBoard(): void;
  showAbout(): void;
}

/** “显示器 1（1920×1080，主显示器）”: the resolution in device pixels, as the system settings show it. */
export function displayLabel(display: DisplayInfo, index: number, primaryId: number): string {
  const width = Math.round(display.bounds.width * display.scaleFactor);
  const height = Math.round(display.bounds.height * display.scaleFactor);
  const primary = display.id === primaryId ? '，主显示器' : '';
  return `显示器 ${index + 1}（${width}×${height}${primary}）`;
}

export function buildMenuTemplate(
  displays: readonly DisplayInfo[],
  primaryId: number,
  actions: MenuActions,
  devTools: boolean,
): MenuItemConstructorOptions[] {
  const boardTargets: MenuItemConstructorOptions[] =
    displays.length > 0
      ? displays.map((display, index) => ({
          label: displayLabel(display, index, primaryId),
          click: () => actions.openBoard(display),
        }))
      : [{ label: '未检测到显示器', enabled: false }];

  return [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        ...(devTools ? [{ label: '开发者工具', role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { label: '打开态势大屏', submenu: boardTargets },
        { label: '关闭态势大屏', click: () => actions.closeBoard() },
        { type: 'separator' },
        { label: '最小化', role: 'minimize' },
        { label: '关闭窗口', role: 'close' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于综治工作台', click: () => actions.showAbout() }] },
  ];
}

/** Sets the menu and rebuilds it whenever displays are plugged, unplugged or changed. */
export function installApplicationMenu(actions: MenuActions, devTools: boolean): void {
  const apply = () => {
    const template = buildMenuTemplate(screen.getAllDisplays(), screen.getPrimaryDisplay().id, actions, devTools);
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  apply();
  screen.on('display-added', apply);
  screen.on('display-removed', apply);
  screen.on('display-metrics-changed', apply);
}
