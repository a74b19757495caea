/** Nest injection token for the {@link AppConfig}. */
export const APP_CONFIG = Symbol('AppConfig');
/** Nest injection token for the {@link DatabaseTarget}. */
export const DATABASE_TARGET = Symbol('DatabaseTarget');
