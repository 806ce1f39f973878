import {
  AlarmClock,
  Calendar,
  ChatDotRound,
  Connection,
  DataAnalysis,
  DataBoard,
  Document,
  Files,
  FolderChecked,
  HomeFilled,
  MapLocation,
  List,
  Lock,
  Setting,
  Tickets,
  Timer,
  User,
  Warning,
  WarnTriangleFilled,
} from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** One menu entry: `name` is the route's name (its path and access come from the router). */
export interface NavLink {
  name: string;
  label: string;
  icon: Component;
}

/** A submenu; shown when the user may open at least one of its entries. */
export interface NavGroup extends NavLink {
  children: readonly NavLink[];
}

export type NavEntry = NavLink | NavGroup;

export const isGroup = (entry: NavEntry): entry is NavGroup => 'children' in entry;

/** The workstation's left menu. */
export const NAVIGATION: readonly NavEntry[] = [
  { name: 'home', label: '工作台', icon: HomeFilled },
  { name: 'today', label: '今日', icon: Calendar },
  { name: 'duty', label: '值班表', icon: Timer },
  {
    name: 'petitions-menu',
    label: '信访积案',
    icon: Tickets,
    children: [
      { name: 'petitions', label: '积案台账', icon: List },
      { name: 'petitions-supervision', label: '督办队列', icon: AlarmClock },
      { name: 'petitions-figures', label: '统计', icon: DataAnalysis },
    ],
  },
  {
    name: 'disputes-menu',
    label: '矛盾纠纷',
    icon: Connection,
    children: [
      { name: 'disputes', label: '纠纷台账', icon: List },
      { name: 'disputes-figures', label: '纠纷统计', icon: DataAnalysis },
    ],
  },
  {
    name: 'risks-menu',
    label: '风险台账',
    icon: Warning,
    children: [
      { name: 'hazards', label: '风险隐患', icon: WarnTriangleFilled },
      { name: 'hazards-figures', label: '隐患统计', icon: DataAnalysis },
      { name: 'assessments', label: '稳评台账', icon: List },
      { name: 'assessments-re-reviews', label: '复评提醒', icon: AlarmClock },
      { name: 'assessments-figures', label: '稳评统计', icon: DataAnalysis },
      { name: 'meetings', label: '会商研判', icon: ChatDotRound },
    ],
  },
  { name: 'reports', label: '日报', icon: Tickets },
  { name: 'board', label: '态势大屏', icon: DataBoard },
  {
    name: 'admin',
    label: '系统管理',
    icon: Setting,
    children: [
      { name: 'reference', label: '基础数据', icon: Files },
      { name: 'users', label: '账号管理', icon: User },
      { name: 'settings', label: '系统设置', icon: Lock },
      { name: 'boundary', label: '乡镇边界', icon: MapLocation },
      { name: 'backup', label: '数据备份', icon: FolderChecked },
      { name: 'audit', label: '审计日志', icon: Document },
    ],
  },
];

/** The menu as one user sees it: entries they may not open are left out, and so are empty groups. */
export function visibleNavigation(canOpen: (routeName: string) => boolean): NavEntry[] {
  return NAVIGATION.flatMap((entry): NavEntry[] => {
    if (!isGroup(entry)) return canOpen(entry.name) ? [entry] : [];
    const children = entry.children.filter((child) => canOpen(child.name));
    return children.length ? [{ ...entry, children }] : [];
  });
}

/** Where a page sits in the menu, for the breadcrumbs: its group's label and its own (none off the menu). */
export function trailOf(routeName: string): string[] {
  for (const entry of NAVIGATION) {
    if (entry.name === routeName) return [entry.label];
    const child = isGroup(entry) ? entry.children.find((item) => item.name === routeName) : undefined;
    if (child) return [entry.label, child.label];
  }
  return [];
}
