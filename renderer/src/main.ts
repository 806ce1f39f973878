import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
// Element Plus's date pickers take the week's first day from Day.js's locale: Monday in zh-cn.
import 'dayjs/locale/zh-cn';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { registerFeatures } from './app/features';
import { createAppRouter } from './app/router';
import './app/theme.css';

registerFeatures();
createApp(App).use(createPinia()).use(createAppRouter()).use(ElementPlus, { locale: zhCn }).mount('#app');
