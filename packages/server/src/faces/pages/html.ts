/** Escapes text for HTML element and attribute content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page frame shared by the platform's server-rendered pages. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Jinliu Pay</title>
<style>
:root{--green:#06c755;--ink:#1f2328;--muted:#6b7280;--line:#e5e7eb;font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0;background:#f5f6f8;color:var(--ink)}
main{max-width:420px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:16px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:20px;margin-bottom:16px}
h1{font-size:18px;margin:0 0 4px}.muted{color:var(--muted);font-size:14px}
.amount{font-size:32px;font-weight:700;margin:12px 0}
.row{display:flex;justify-content:space-between;font-size:14px;padding:6px 0;border-bottom:1px solid var(--line)}
label{display:block;font-size:14px;margin:12px 0 4px}select,input{width:100%;box-sizing:border-box;padding:10px;border:1px solid var(--line);border-radius:10px;font-size:16px}
button{width:100%;padding:14px;border:0;border-radius:12px;font-size:16px;font-weight:600;margin-top:12px;cursor:pointer}
.primary{background:var(--green);color:#fff}.secondary{background:#eef0f3;color:var(--ink)}
.brand{font-weight:800;color:var(--green);letter-spacing:.5px;margin-bottom:12px}
.error{background:#fdecea;color:#b42318;border-radius:10px;padding:10px;font-size:14px}
</style></head><body><main><div class="brand">Jinliu Pay</div>${body}</main></body></html>`;
}
