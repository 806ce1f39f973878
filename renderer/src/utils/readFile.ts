/** A picked file's bytes as base64, for a contract call (the counterpart of downloadBase64). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is `data:<type>;base64,<bytes>`: only the part after the comma is the file.
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error(`无法读取文件“${file.name}”`));
    reader.readAsDataURL(file);
  });
}

/** A picked text file's content (UTF-8), e.g. a GeoJSON boundary file for a contract call. */
export function fileToText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`无法读取文件“${file.name}”`));
    reader.readAsText(file, 'utf-8');
  });
}
