// The page's CSS, inlined in each page (one request fewer on a phone). Colours meet WCAG AA
// contrast on white (text 16:1, hints 7:1, errors 6.5:1, links 6.9:1) and every control shows a
// thick focus ring.
export const pageStyles = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
.venue{margin:0 0 1.5rem;color:#4a4a4a}
a{color:#0b57d0}
fieldset{border:0;padding:0;margin:0}
legend{font-size:1.25rem;font-weight:600;margin:2rem 0 .5rem;padding:0}
.field{margin:0 0 1.25rem}
.row{display:flex;gap:1rem;flex-wrap:wrap}.row>.field{flex:1 1 10rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
.optional{font-weight:400;color:#4a4a4a}
.hint{margin:0 0 .25rem;color:#4a4a4a;font-size:.9375rem}
.error{margin:0 0 .25rem;color:#b00020;font-weight:600}
.error:empty{display:none}
input,textarea{display:block;width:100%;font:inherit;color:inherit;padding:.5rem .625rem;border:2px solid #5c5c5c;border-radius:4px;background:#fff}
textarea{min-height:6rem;resize:vertical}
[aria-invalid=true]{border-color:#b00020}
input:focus,textarea:focus,button:focus,a:focus,.summary:focus{outline:3px solid #0b57d0;outline-offset:2px}
button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:4px;padding:.75rem 1.5rem;cursor:pointer}
button[disabled]{background:#5c5c5c;cursor:progress}
a.button{display:inline-block;font-weight:600;color:#fff;background:#0b57d0;border-radius:4px;padding:.75rem 1.5rem;text-decoration:none}
.summary{border:3px solid #b00020;border-radius:4px;padding:1rem;margin:0 0 1.5rem}
.summary h2{margin:0 0 .5rem;font-size:1.125rem}
.summary ul{margin:0;padding-left:1.25rem}
.summary a{color:#b00020;font-weight:600}
.reference{font-size:1.5rem;font-weight:700;letter-spacing:.05em}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;
