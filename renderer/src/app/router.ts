import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import AppLayout from './AppLayout.vue';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
  }
}

const ModulePlaceholder = () => import('@/components/ModulePlaceholder.vue');

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/features/home/views/HomeView.vue'),
        meta: { title: '工作台' },
      },
      {
        path: 'petitions',
        name: 'petitions',
        component: ModulePlaceholder,
        props: { description: '信访积案台账将在后续版本提供' },
        meta: { title: '信访积案' },
      },
      {
        path: 'risks',
        name: 'risks',
        component: ModulePlaceholder,
        props: { description: '风险台账（稳评与风险隐患）将在后续版本提供' },
        meta: { title: '风险台账' },
      },
      {
        path: 'admin',
        name: 'admin',
        component: () => import('@/features/admin/views/AdminView.vue'),
        meta: { title: '系统管理' },
      },
    ],
  },
  // Full screen, outside the workstation layout: the wall display opens this route directly.
  { path: '/board', name: 'board', component: () => import('@/board/BoardView.vue'), meta: { title: '态势大屏' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({
  // Hash history works when the page is loaded from file:// in the desktop app.
  history: createWebHashHistory(),
  routes,
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 综治工作台` : '综治工作台';
});
