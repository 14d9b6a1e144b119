// How serious a finding is, and what a config may set a rule to.
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
