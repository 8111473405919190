// Sign-in and the choice of view: the token comes from the sign-in form or the URL's fragment (never sent to
// the server as part of the URL); the first event of the live stream says who the user is and so what to show.
import {openStream} from './stream.js';
import {renderFloor} from './floor.js';
import {renderDesktop} from './desktop.js';
import {renderLists} from './lists.js';
import {renderCampaigns} from './campaigns.js';

const byId = id => document.getElementById(id);
let closeStream = null;

function tokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) {
    return null;
  }
  // The token leaves the address bar and the history at once.
  history.replaceState(null, '', location.pathname);
  return decodeURIComponent(match[1]);
}

function show(section) {
  for (const id of ['sign-in', 'floor', 'campaigns-page', 'lists', 'desktop']) {
    byId(id).hidden = id !== section;
  }
  byId('sign-out').hidden = section === 'sign-in';
  byId('nav').hidden = section === 'sign-in' || section === 'desktop';
  for (const b of byId('nav').querySelectorAll('button')) {
    b.classList.toggle('current', b.dataset.view === section);
  }
}

for (const b of byId('nav').querySelectorAll('button')) {
  b.addEventListener('click', () => show(b.dataset.view));
}

function signOut() {
  if (closeStream) {
    closeStream();
    closeStream = null;
  }
  sessionStorage.removeItem('pacer.token');
  byId('who').textContent = '';
  byId('connection').textContent = '';
  show('sign-in');
}

function signIn(token) {
  if (closeStream) {
    closeStream();
  }
  byId('sign-in-error').textContent = '';
  let signedIn = false;
  closeStream = openStream('/api/v1/console/stream', token, (event, view) => {
    if (event !== 'console') {
      return;
    }
    if (!signedIn) {
      signedIn = true;
      sessionStorage.setItem('pacer.token', token);
      byId('who').textContent = view.user.name + ' (' + view.user.role.toLowerCase() + ')';
      show(view.user.role === 'AGENT' ? 'desktop' : 'floor');
    }
    byId('updated').textContent = new Date(view.atMillis).toLocaleTimeString();
    byId('updated').dataset.value = String(view.atMillis);
    if (view.user.role === 'AGENT') {
      renderDesktop(view, token);
    } else {
      renderFloor(view, token);
      renderLists(view, token);
      renderCampaigns(view, token);
    }
  }, status => {
    if (status.status === 200) {
      byId('connection').textContent = 'live';
    } else if (!signedIn || status.status === 401 || status.status === 403) {
      signOut();
      byId('sign-in-error').textContent = status.status === 401
          ? 'This token is not valid (unknown, revoked or of a disabled user).'
          : (status.problem && status.problem.detail) || 'The server cannot be reached.';
    } else {
      byId('connection').textContent = 'reconnecting…';
    }
  });
}

byId('sign-in-form').addEventListener('submit', e => {
  e.preventDefault();
  signIn(byId('token').value.trim());
});
byId('sign-out').addEventListener('click', signOut);

const token = tokenFromFragment() || sessionStorage.getItem('pacer.token');
if (token) {
  signIn(token);
}
