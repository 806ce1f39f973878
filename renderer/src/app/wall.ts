import { createApp, h } from 'vue';
import { createRouter, createWebHashHistory, RouterView } from 'vue-router';
import { prefetched, wallSource } from '@/board/boardSource';

/**
 * The wall display alone (`#/wall`: the desktop's board window, a browser on the LAN): the board
 * and what it reads, without the workstation's screens, Element Plus or sign-in. Its first snapshot
 * and boundary are asked for at once, while the board's own code is still loading.
 */
export function mountWall(selector: string): void {
  const source = prefetched(wallSource());
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/wall', component: () => import('@/board/BoardView.vue'), props: { wall: true, source } },
      { path: '/:rest(.*)*', redirect: '/wall' },
    ],
  });
  router.afterEach(() => (document.title = '态势大屏'));
  const app = createApp({ render: () => h(RouterView) }).use(router);
  // Mounted once the board's code is in, so the loading line (main.ts) stays until the board replaces it.
  void router.isReady().then(() => app.mount(selector));
}
