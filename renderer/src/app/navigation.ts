import { DataBoard, HomeFilled, Setting, Tickets, Warning } from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** The workstation's left menu; `path` doubles as the el-menu index (router mode). */
export const NAVIGATION: ReadonlyArray<{ path: string; label: string; icon: Component }> = [
  { path: '/', label: '工作台', icon: HomeFilled },
  { path: '/petitions', label: '信访积案', icon: Tickets },
  { path: '/risks', label: '风险台账', icon: Warning },
  { path: '/board', label: '态势大屏', icon: DataBoard },
  { path: '/admin', label: '系统管理', icon: Setting },
];
