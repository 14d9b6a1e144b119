// VS Code client entry (filled in by the language-server work).
export function activate(): void {}
export function deactivate(): void {}
