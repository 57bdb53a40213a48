/**
 * A short, file-name-safe slug of a title: lowercase ASCII words joined by hyphens; CJK
 * characters are kept (they are valid in file names) so Chinese titles keep a readable slug.
 * Falls back to `fallback` when nothing usable remains. Pure.
 */
export function slugify({
  text,
  maxLength = 40,
  fallback = 'untitled',
}: {
  text: string;
  maxLength?: number;
  fallback?: string;
}): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, maxLength).join('').replace(/-+$/, '');
  return cut === '' ? fallback : cut;
}
