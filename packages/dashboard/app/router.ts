import { useEffect, useState } from 'preact/hooks';

/** A page address: the part of the location hash after `#/`, split on slashes and decoded. */
export type Route = string[];

function current(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  return hash === '' ? [] : hash.split('/').map((part) => decodeURIComponent(part));
}

/** The current route, updated on every hash change (pages are client-side: no reload). */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The href of a route. */
export const href = (...parts: Array<string | number>): string =>
  `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
