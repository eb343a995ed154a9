/** An AbortController aborted with its parent; the parent forgets it once it is aborted itself. */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { signal: child.signal });
  return child;
}
