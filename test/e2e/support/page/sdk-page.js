// Loads the real web SDK and exposes it to the test driver as `window.ParaSdk`.
import { ParaWeb, Environment } from '@getpara/web-sdk';

window.ParaSdk = { ParaWeb, Environment };
document.getElementById('status').textContent = 'Para SDK loaded';
window.dispatchEvent(new Event('para-sdk-ready'));
