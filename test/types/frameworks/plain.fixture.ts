// Compile-time fixture: plain TypeScript with the strictest options an app may use (exactOptionalPropertyTypes,
// verbatimModuleSyntax, no skipLibCheck): the README's quick start with a real ParaWeb, no casts.
import 'para-session-kit';
import { Environment, ParaWeb } from '@getpara/web-sdk';
import type { ParaSessionClient } from 'para-session-kit';
import { createParaSession } from 'para-session-kit/core';

const para = new ParaWeb(Environment.BETA, 'YOUR_API_KEY');

document.querySelector('para-session')!.client = para;
createParaSession(para, { sessionLength: 7200 });
export const asClient: ParaSessionClient = para;

// One status reworded; the others keep the language's words.
const status = document.querySelector('para-session-status')!;
status.strings = { status: { active: 'Logged in' } };
status.strings = { timeLeft: '{time} to go' };
// @ts-expect-error a status that does not exist
status.strings = { status: { activ: 'Logged in' } };
// @ts-expect-error a status word is a string
status.strings = { status: { active: 42 } };

document.querySelector('para-session')!.addEventListener('para-session-change', (e) => e.detail.state.status === 'active');
