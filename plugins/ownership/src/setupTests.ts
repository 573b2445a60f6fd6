import '@testing-library/jest-dom';

// jsdom has no layout, so charts' ResizeObserver needs a stand-in.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;

// jsdom does not lay out SVG; the dependency graph measures its nodes.
if (!(window.SVGElement.prototype as any).getBBox) {
  (window.SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 190,
    height: 56,
  });
}
