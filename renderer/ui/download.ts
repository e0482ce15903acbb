/**
 * Hands a file built in memory to the browser's download, which Electron's main process turns
 * into a save dialog. Nothing is written anywhere by the renderer itself.
 */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds the Blob itself; the URL would only keep the content reachable from the page.
  URL.revokeObjectURL(url);
}
