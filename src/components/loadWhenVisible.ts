/**
 * Loads a demo's behaviour only when the demo comes near the screen, so a lesson page downloads no demo
 * code until the learner scrolls to it. Its markup is usable (or says it is waiting) until then.
 */
export function loadWhenVisible(selector: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(selector);
  if (elements.length === 0) return;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void load();
    },
    { rootMargin: '800px 0px' },
  );
  elements.forEach((element) => observer.observe(element));
}
