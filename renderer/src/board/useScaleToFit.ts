import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';

export interface Fit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** The largest scale at which the design fits the view whole, centred with bars on the spare side. */
export function fitInto(designWidth: number, designHeight: number, viewWidth: number, viewHeight: number): Fit {
  const scale = Math.min(viewWidth / designWidth, viewHeight / designHeight);
  return {
    scale,
    offsetX: (viewWidth - designWidth * scale) / 2,
    offsetY: (viewHeight - designHeight * scale) / 2,
  };
}

/**
 * Scales a fixed-size design (the board: 1920×1080) to the window with `transform`, letterboxed,
 * and follows window resizes. `transform` rather than CSS `zoom`, which breaks ECharts hit-testing;
 * the stage keeps its design size in layout, so charts inside are laid out at design pixels.
 */
export function useScaleToFit(width: number, height: number) {
  const measure = () => fitInto(width, height, window.innerWidth, window.innerHeight);
  const fit = shallowRef<Fit>(measure());
  const onResize = () => (fit.value = measure());

  onMounted(() => {
    onResize();
    window.addEventListener('resize', onResize);
  });
  onBeforeUnmount(() => window.removeEventListener('resize', onResize));

  const style = computed(() => ({
    width: `${width}px`,
    height: `${height}px`,
    transformOrigin: '0 0',
    transform: `translate(${fit.value.offsetX}px, ${fit.value.offsetY}px) scale(${fit.value.scale})`,
  }));

  return { fit, style };
}
