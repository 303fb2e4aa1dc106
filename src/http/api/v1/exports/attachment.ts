// Headers of a file download: saved, never shown inline, never cached by anyone but the owner.
export function attachmentHeaders(contentType: string, fileName: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${fileName.replace(/[^\w.@-]/g, '_')}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
}
