import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { SwedishCalendar } from './working-days.js';

/** Nest token for the {@link SwedishCalendar}, with the deployment's own closed days (CLOSED_DAYS). */
export const WORKING_CALENDAR = Symbol('WorkingCalendar');

export const calendarProvider: Provider = {
  provide: WORKING_CALENDAR,
  useFactory: (config: AppConfig) => new SwedishCalendar(config.closedDays),
  inject: [APP_CONFIG],
};
