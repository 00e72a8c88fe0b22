/**
 * What was typed into the palette's stand-in while the palette's code was loading (a UUID pasted
 * straight after Ctrl-K, then Enter). The palette takes it once when it mounts.
 */
let early = { text: '', submitted: false };

export function noteEarlyText(text: string): void {
  early = { ...early, text };
}

export function noteEarlyEnter(): void {
  early = { ...early, submitted: true };
}

export function takeEarlyInput(): { text: string; submitted: boolean } {
  const taken = early;
  early = { text: '', submitted: false };
  return taken;
}
