import { useSearchParams } from 'react-router-dom';

/**
 * Filters kept in the URL so a view can be shared by link. Setting a filter drops the page number,
 * since page 3 of the old list means nothing in the new one.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };
  return { params, setParam };
}
