/**
 * The forms a credential takes in a server's answer that echoes a request back: as sent, JSON
 * escaped (it travels in a JSON body), and each of those URL-encoded, form-encoded or base64;
 * longest first, so a longer form is replaced before a shorter one inside it.
 */
export function secretForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const forms = [secret, escaped].flatMap((form) => [
    form,
    encodeURIComponent(form),
    new URLSearchParams({ s: form }).toString().slice(2),
    Buffer.from(form, 'utf8').toString('base64'),
  ]);
  return [...new Set(forms)].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
}
