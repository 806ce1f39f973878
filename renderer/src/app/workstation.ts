import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
// Element Plus's date pickers take the week's first day from Day.js's locale: Monday in zh-cn.
import 'dayjs/locale/zh-cn';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from '../App.vue';
import { registerFeatures } from './features';
import { createAppRouter } from './router';

/** The workstation: every screen, with Element Plus and the features' registrations. */
export function mountWorkstation(selector: string): void {
  registerFeatures();
  createApp(App).use(createPinia()).use(createAppRouter()).use(ElementPlus, { locale: zhCn }).mount(selector);
}
