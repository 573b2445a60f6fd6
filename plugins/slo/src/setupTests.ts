import '@testing-library/jest-dom';

// jsdom has no layout, so charts' ResizeObserver needs a stand-in.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;
