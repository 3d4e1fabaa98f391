import { Module } from '@nestjs/common';
import { ExecuteCareGreetingHandler } from './care-greeting.commands';
import { GetCareGreetingHandler } from './care-greeting.queries';

/** Holiday greetings (issue 19 §1): scheduling, cancelling and the report behind `/care/greetings`. */
@Module({ providers: [ExecuteCareGreetingHandler, GetCareGreetingHandler] })
export class CareGreetingModule {}
