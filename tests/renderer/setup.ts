import '@testing-library/jest-dom/vitest';

// jsdom lacks these; antd's responsive and motion code asks for them.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
window.scrollTo = () => {};

// findBy*/waitFor wait up to 15 s, not Testing Library's 1 s: on a loaded 2-core machine a page's first render and a
// poll or two take longer than a second, and a timing failure there says nothing about the behaviour under test. A
// file's first test also pays for its lazy page's first import (the roster page took over 5 s with the suite and a
// Stryker run beside it). Only a failing wait ever waits this long.
import { configure } from '@testing-library/react';
configure({ asyncUtilTimeout: 15_000 });
