import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fakes = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const screen = Object.assign(new EventEmitter(), {
    displays: [] as Array<{
      id: number;
      bounds: { x: number; y: number; width: number; height: number };
      scaleFactor: number;
    }>,
    primaryId: 0,
    getAllDisplays() {
      return screen.displays;
    },
    getPrimaryDisplay() {
      return screen.displays.find((d) => d.id === screen.primaryId)!;
    },
  });
  const menus: unknown[] = [];
  return { screen, menus };
});

vi.mock('electron', () => ({
  screen: fakes.screen,
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => fakes.menus.push(menu),
  },
}));

const { buildMenuTemplate, displayLabel, installApplicationMenu } = await import('../../electron/main/menu');

const PRIMARY = { id: 10, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
const WALL = { id: 20, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, scaleFactor: 1.5 };

const actions = () => ({ openBoard: vi.fn(), closeBoard: vi.fn(), showAbout: vi.fn() });

const submenu = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[];

const boardItems = (template: MenuItemConstructorOptions[]) => submenu(submenu(template, '窗口'), '打开态势大屏');

describe('display labels', () => {
  it('numbers displays, gives the device resolution and marks the primary one', () => {
    expect(displayLabel(PRIMARY, 0, 10)).toBe('显示器 1（1920×1080，主显示器）');
    expect(displayLabel(WALL, 1, 10)).toBe('显示器 2（3840×2160）');
  });
});

describe('application menu', () => {
  it('has the Chinese top-level menus, dev tools only in development', () => {
    const template = buildMenuTemplate([PRIMARY], 10, actions(), false);
    expect(template.map((item) => item.label)).toEqual(['文件', '视图', '窗口', '帮助']);
    const roles = (t: MenuItemConstructorOptions[]) => submenu(t, '视图').map((item) => item.role);
    expect(roles(template)).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate([PRIMARY], 10, actions(), true))).toContain('toggleDevTools');
  });

  it('lists every display under 打开态势大屏 and opens the board on the chosen one', () => {
    const menuActions = actions();
    const items = boardItems(buildMenuTemplate([PRIMARY, WALL], 10, menuActions, false));
    expect(items.map((item) => item.label)).toEqual(['显示器 1（1920×1080，主显示器）', '显示器 2（3840×2160）']);
    (items[1]!.click as () => void)();
    expect(menuActions.openBoard).toHaveBeenCalledExactlyOnceWith(WALL);
  });

  it('shows a disabled entry when no display is reported', () => {
    const items = boardItems(buildMenuTemplate([], 0, actions(), false));
    expect(items).toEqual([{ label: '未检测到显示器', enabled: false }]);
  });

  it('wires 关闭态势大屏 and 关于', () => {
    const menuActions = actions();
    const template = buildMenuTemplate([PRIMARY], 10, menuActions, false);
    (submenu(template, '窗口').find((item) => item.label === '关闭态势大屏')!.click as () => void)();
    (submenu(template, '帮助')[0]!.click as () => void)();
    expect(menuActions.closeBoard).toHaveBeenCalledOnce();
    expect(menuActions.showAbout).toHaveBeenCalledOnce();
  });
});

describe('installApplicationMenu', () => {
  beforeEach(() => {
    fakes.menus.length = 0;
    fakes.screen.removeAllListeners();
    fakes.screen.displays = [PRIMARY];
    fakes.screen.primaryId = 10;
  });

  it('sets the menu from the current displays and rebuilds it when a display is plugged in', () => {
    installApplicationMenu(actions(), false);
    const latest = () => (fakes.menus.at(-1) as { template: MenuItemConstructorOptions[] }).template;
    expect(boardItems(latest()).map((item) => item.label)).toEqual(['显示器 1（1920×1080，主显示器）']);

    fakes.screen.displays = [PRIMARY, WALL];
    fakes.screen.emit('display-added');
    expect(fakes.menus).toHaveLength(2);
    expect(boardItems(latest()).map((item) => item.label)).toEqual([
      '显示器 1（1920×1080，主显示器）',
      '显示器 2（3840×2160）',
    ]);

    fakes.screen.displays = [WALL];
    fakes.screen.primaryId = 20;
    fakes.screen.emit('display-removed');
    expect(boardItems(latest()).map((item) => item.label)).toEqual(['显示器 1（3840×2160，主显示器）']);
  });
});
