// The admin login page: the browser-session login of the API (POST /api/v1/auth/session, JSON),
// then on to the page that sent us here. No inline code (the admin area's CSP allows 'self' only).
'use strict';
(function () {
  const form = document.getElementById('login');
  const error = document.getElementById('login-error');
  const submit = form.querySelector('button[type=submit]');

  function show(message) {
    error.textContent = message;
    error.hidden = false;
  }

  async function csrfHeader() {
    // An anonymous caller gets its pre-login token in a short-lived cookie and in the body.
    const response = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
    if (!response.ok) {
      return {};
    }
    const body = await response.json();
    return { [body.data.headerName]: body.data.token };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    try {
      const headers = Object.assign({ 'Content-Type': 'application/json' }, await csrfHeader());
      const response = await fetch('/api/v1/auth/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify({
          email: document.getElementById('email').value,
          password: document.getElementById('password').value,
        }),
      });
      if (response.ok) {
        window.location.assign('/admin/queues');
        return;
      }
      if (response.status === 429) {
        show('Too many attempts: wait a minute and try again.');
      } else if (response.status === 401 || response.status === 400) {
        show('Wrong email or password.');
      } else {
        show('Login failed (HTTP ' + response.status + ').');
      }
    } catch (e) {
      show('Worklane cannot be reached.');
    } finally {
      submit.disabled = false;
    }
  });
})();
