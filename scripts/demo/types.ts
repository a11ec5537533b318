export type Logger = (line: string) => void;
