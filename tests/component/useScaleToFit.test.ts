import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { fitInto, useScaleToFit } from '@/board/useScaleToFit';

function resizeWindow(width: number, height: number): void {
  (
    window as unknown as { happyDOM: { setViewport(size: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height });
  window.dispatchEvent(new Event('resize'));
}

afterEach(() => resizeWindow(1024, 768));

describe('fitInto', () => {
  it('keeps a 1920×1080 design at scale 1 in a 1920×1080 window', () => {
    expect(fitInto(1920, 1080, 1920, 1080)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 });
  });

  it('scales to the tighter side for 1366×768 and centres the spare width', () => {
    const fit = fitInto(1920, 1080, 1366, 768);
    expect(fit.scale).toBeCloseTo(768 / 1080, 6);
    expect(fit.offsetX).toBeCloseTo((1366 - 1920 * (768 / 1080)) / 2, 6);
    expect(fit.offsetY).toBe(0);
  });

  it('letterboxes a tall window with bars above and below', () => {
    const fit = fitInto(1920, 1080, 1080, 1920);
    expect(fit.scale).toBeCloseTo(0.5625, 6);
    expect(fit.offsetX).toBe(0);
    expect(fit.offsetY).toBeCloseTo((1920 - 1080 * 0.5625) / 2, 6);
  });
});

describe('useScaleToFit', () => {
  it('sizes the stage at the design size and re-scales when the window is resized', async () => {
    resizeWindow(1920, 1080);
    const Stage = defineComponent({
      setup() {
        const { style } = useScaleToFit(1920, 1080);
        return () => h('div', { style: style.value });
      },
    });
    const wrapper = mount(Stage);
    const element = wrapper.element as HTMLElement;
    expect(element.style.width).toBe('1920px');
    expect(element.style.height).toBe('1080px');
    expect(element.style.transform).toBe('translate(0px, 0px) scale(1)');

    resizeWindow(960, 1080);
    await nextTick();
    expect(element.style.transform).toBe('translate(0px, 270px) scale(0.5)');
    wrapper.unmount();
  });
});
