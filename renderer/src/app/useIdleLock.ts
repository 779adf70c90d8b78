import { useEffect, useRef } from 'react';
import { api } from '../api/client';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const TOUCH_EVERY_MS = 60_000;

/**
 * Locks the screen after `minutes` without input, and while the person is active tells the main
 * process so (throttled), so that typing a long form does not count as idle there either.
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  const last = useRef(Date.now());
  const lastTouch = useRef(Date.now());
  const idle = useRef(onIdle);
  idle.current = onIdle;

  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      last.current = now;
      if (now - lastTouch.current > TOUCH_EVERY_MS) {
        lastTouch.current = now;
        void api().call('auth.touch', {});
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current > minutes * 60_000) idle.current();
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [minutes, active]);
}
