/**
 * Minimal valid PDFs written byte by byte for the tests (no external tools):
 * one page per entry of `pages`, each line of text drawn with Helvetica, so
 * the PDF has a text layer; or, with `image: true`, a page that only paints
 * an image (a scan: no text layer).
 */
export function makePdf(pages: string[][], options: { title?: string; image?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
  const catalogId = add('');
  const pagesId = add('');
  const fontId = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pageIds: number[] = [];
  for (const lines of options.image ? [[]] : pages) {
    let content: string;
    let resources: string;
    if (options.image) {
      const imgId = add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream`);
      content = 'q 200 0 0 200 100 500 cm /Im1 Do Q';
      resources = `<< /XObject << /Im1 ${imgId} 0 R >> >>`;
    } else {
      content = 'BT /F1 12 Tf 72 720 Td 14 TL\n' + lines.map((l) => `(${escape(l)}) Tj T*`).join('\n') + '\nET';
      resources = `<< /Font << /F1 ${fontId} 0 R >> >>`;
    }
    const contentId = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents ${contentId} 0 R >>`));
  }
  objects[catalogId - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoId = options.title ? add(`<< /Title (${escape(options.title)}) /CreationDate (D:20170111093000Z) >>`) : null;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalogId} 0 R${infoId ? ` /Info ${infoId} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
