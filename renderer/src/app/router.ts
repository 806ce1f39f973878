import {
  createRouter,
  createWebHashHistory,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import type { Access } from '@shared/domain/roles';
import { useAuthStore } from './authStore';
import { connectionChoiceNeeded } from './connectionChoice';
import { redirectQuery } from './sessionHandling';
import AppLayout from './AppLayout.vue';
import { windowTitle } from './windowTitle';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** What the signed-in user needs to open the page; the menu hides what they lack. */
    access?: Access;
    /** Shown without a session (first run, login). */
    public?: boolean;
    /** Its own world: no sign-in, no redirects (the wall display). */
    standalone?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/features/home/views/HomeView.vue'),
        meta: { title: '工作台', access: 'reference.read' },
      },
      {
        path: 'today',
        name: 'today',
        component: () => import('@/features/today/views/TodayView.vue'),
        meta: { title: '今日', access: 'risks.read' },
      },
      {
        path: 'petitions',
        name: 'petitions',
        component: () => import('@/features/petitions/views/PetitionsView.vue'),
        meta: { title: '积案台账', access: 'petitions.read' },
      },
      {
        path: 'petitions/supervision',
        name: 'petitions-supervision',
        component: () => import('@/features/petitions/views/SupervisionView.vue'),
        meta: { title: '督办队列', access: 'petitions.read' },
      },
      {
        path: 'petitions/figures',
        name: 'petitions-figures',
        component: () => import('@/features/petitions/views/FiguresView.vue'),
        meta: { title: '积案统计', access: 'petitions.read' },
      },
      {
        path: 'disputes',
        name: 'disputes',
        component: () => import('@/features/disputes/views/DisputesView.vue'),
        meta: { title: '矛盾纠纷', access: 'disputes.read' },
      },
      {
        path: 'disputes/figures',
        name: 'disputes-figures',
        component: () => import('@/features/disputes/views/DisputeFiguresView.vue'),
        meta: { title: '纠纷统计', access: 'disputes.read' },
      },
      // 风险台账: the old `/risks` address opens the hazard ledger.
      { path: 'risks', name: 'risks', redirect: { name: 'hazards' } },
      {
        path: 'risks/hazards',
        name: 'hazards',
        component: () => import('@/features/hazards/views/HazardsView.vue'),
        meta: { title: '风险隐患', access: 'risks.read' },
      },
      {
        path: 'risks/hazards/figures',
        name: 'hazards-figures',
        component: () => import('@/features/hazards/views/HazardFiguresView.vue'),
        meta: { title: '隐患统计', access: 'risks.read' },
      },
      {
        path: 'risks/assessments',
        name: 'assessments',
        component: () => import('@/features/assessments/views/AssessmentsView.vue'),
        meta: { title: '稳评台账', access: 'risks.read' },
      },
      {
        path: 'risks/assessments/re-reviews',
        name: 'assessments-re-reviews',
        component: () => import('@/features/assessments/views/ReReviewsDueView.vue'),
        meta: { title: '复评提醒', access: 'risks.read' },
      },
      {
        path: 'risks/assessments/figures',
        name: 'assessments-figures',
        component: () => import('@/features/assessments/views/AssessmentFiguresView.vue'),
        meta: { title: '稳评统计', access: 'risks.read' },
      },
      {
        path: 'risks/meetings',
        name: 'meetings',
        component: () => import('@/features/meetings/views/MeetingsView.vue'),
        meta: { title: '会商研判', access: 'risks.read' },
      },
      {
        path: 'duty',
        name: 'duty',
        component: () => import('@/features/duty/views/DutyView.vue'),
        meta: { title: '值班表', access: 'duty.write' },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('@/features/reports/views/ReportsView.vue'),
        meta: { title: '日报', access: 'reports.read' },
      },
      {
        path: 'admin',
        name: 'reference',
        component: () => import('@/features/admin/views/AdminView.vue'),
        meta: { title: '基础数据', access: 'reference.read' },
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('@/features/users/views/UsersView.vue'),
        meta: { title: '账号管理', access: 'users.manage' },
      },
      {
        path: 'admin/settings',
        name: 'settings',
        component: () => import('@/features/settings/views/SettingsView.vue'),
        meta: { title: '系统设置', access: 'settings.manage' },
      },
      {
        path: 'admin/boundary',
        name: 'boundary',
        component: () => import('@/features/boundary/views/BoundaryView.vue'),
        meta: { title: '乡镇边界', access: 'boundaries.import' },
      },
      {
        path: 'admin/backup',
        name: 'backup',
        component: () => import('@/features/backup/views/BackupView.vue'),
        meta: { title: '数据备份', access: 'system.backup' },
      },
      {
        path: 'admin/audit',
        name: 'audit',
        component: () => import('@/features/audit/views/AuditView.vue'),
        meta: { title: '审计日志', access: 'audit.read' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/features/auth/views/ForbiddenView.vue'),
        meta: { title: '无权访问', access: 'session' },
      },
    ],
  },
  // Full screen, outside the workstation layout: the wall display opens this route directly.
  {
    path: '/board',
    name: 'board',
    component: () => import('@/board/BoardView.vue'),
    meta: { title: '态势大屏', access: 'board.read' },
  },
  // The wall display: the desktop's board window (its own display session, from main) or a browser
  // on the LAN (the token's cookie). No sign-in here; the backend decides what it may read.
  {
    path: '/wall',
    name: 'wall',
    component: () => import('@/board/BoardView.vue'),
    props: { wall: true },
    meta: { title: '态势大屏', standalone: true },
  },
  // The desktop's first-run choice (单机使用 / 连接本中心服务器), before anything else.
  {
    path: '/connect',
    name: 'connect',
    component: () => import('./ConnectionView.vue'),
    meta: { title: '选择使用方式', standalone: true },
  },
  {
    path: '/setup',
    name: 'setup',
    component: () => import('@/features/auth/views/SetupView.vue'),
    meta: { title: '首次使用', public: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/views/LoginView.vue'),
    meta: { title: '登录', public: true },
  },
  // The data file was found damaged at start-up: shown whatever the session, as no one can sign in.
  {
    path: '/recovery',
    name: 'recovery',
    component: () => import('@/features/backup/views/RecoveryView.vue'),
    meta: { title: '数据恢复', public: true },
  },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('@/features/auth/views/ChangePasswordView.vue'),
    meta: { title: '修改密码', access: 'session' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/** Where the user may go: first run, then sign-in, then a forced password change, then permissions. */
async function guard(to: RouteLocationNormalized): Promise<boolean | RouteLocationRaw> {
  // The recovery screen needs no session (and the backend answers nothing else meanwhile); the
  // wall display has its own.
  if (to.name === 'recovery' || to.meta.standalone) return true;
  if (await connectionChoiceNeeded()) return { name: 'connect' };
  const auth = useAuthStore();
  if (!auth.status) await auth.refresh();
  // No answer from the backend: the login page says so and offers a retry.
  if (!auth.status) return to.name === 'login' ? true : { name: 'login' };
  if (auth.status.needsSetup) return to.name === 'setup' ? true : { name: 'setup' };
  if (auth.locked) {
    // Mid-session the lock screen covers the page and nothing moves under it; at start-up the
    // page waits for the unlock (or a sign-out from the lock screen) before it opens.
    if (auth.me) return false;
    await auth.whenUnlocked();
  }
  if (!auth.me) {
    if (to.name === 'login') return true;
    return { name: 'login', query: to.meta.public ? {} : redirectQuery(to.fullPath) };
  }
  if (to.meta.public) return { name: 'home' };
  if (auth.mustChangePassword) return to.name === 'change-password' ? true : { name: 'change-password' };
  if (!auth.can(to.meta.access ?? 'session')) return { name: 'forbidden', query: { from: to.fullPath } };
  return true;
}

/** The app's router; hash history by default: the desktop's app:// scheme and web mode serve only real files. */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({ history, routes });
  router.beforeEach(guard);
  router.afterEach((to) => {
    document.title = windowTitle(to.meta.title);
  });
  return router;
}
