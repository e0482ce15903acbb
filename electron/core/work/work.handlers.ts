/** Each user's My work. */
import type { HandlerSlice } from '../handler';
import { myWork } from './work.service';

export const workHandlers: HandlerSlice<'work'> = {
  'work:mine': (_input, r) => r.work(myWork),
};
