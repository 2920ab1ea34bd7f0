/*
 * Campus du numérique public — widget loader.
 *
 * Paste in a host page:
 *   <div data-campus="catalogue" data-domain="cybersecurite" data-lang="fr"></div>
 *   <script src="https://CAMPUS-HOST/embed.js" async></script>
 *
 * Each element with data-campus becomes an <iframe> of the app in embed mode:
 * the host's CSS and the widget's never meet. The iframe takes the height of its
 * content (messages from the widget, checked against the app's origin and the
 * iframe's window), and the host page's URL never changes unless
 * data-sync-url is set. Options are documented in the README ("Embedding").
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var appBase = new URL('./', script.src);
  var appOrigin = appBase.origin;
  var FILTERS = { 'data-q': 'q', 'data-domain': 'domaine', 'data-type': 'type', 'data-format': 'format',
    'data-level': 'niveau', 'data-audience': 'public', 'data-region': 'region', 'data-sort': 'tri' };
  var TITLES = {
    catalogue: { fr: 'Catalogue des formations du Campus du numérique public', en: 'Campus du numérique public training catalogue' },
    course: { fr: 'Formation du Campus du numérique public', en: 'Campus du numérique public training' },
    'trainer-call': { fr: 'Devenir formateur au Campus du numérique public', en: 'Become a trainer at the Campus du numérique public' },
    application: { fr: 'Candidature de formateur au Campus du numérique public', en: 'Trainer application to the Campus du numérique public' }
  };

  function routeOf(el, view) {
    if (view === 'course') return '/formation/' + encodeURIComponent(el.getAttribute('data-course') || '');
    if (view === 'trainer-call') return '/devenir-formateur';
    if (view === 'application') return '/candidature';
    var query = [];
    Object.keys(FILTERS).forEach(function (attr) {
      var value = el.getAttribute(attr);
      if (!value) return;
      value.split(',').forEach(function (v) {
        if (v.trim()) query.push(FILTERS[attr] + '=' + encodeURIComponent(v.trim()));
      });
    });
    if (el.getAttribute('data-free') === 'true') query.push('gratuit=1');
    if (el.getAttribute('data-upcoming') === 'true') query.push('sessions=1');
    return '/catalogue' + (query.length ? '?' + query.join('&') : '');
  }

  function mount(el, index) {
    if (el.getAttribute('data-campus-mounted')) return;
    el.setAttribute('data-campus-mounted', '1');
    var view = el.getAttribute('data-campus') || 'catalogue';
    if (!TITLES[view]) view = 'catalogue';
    var lang = el.getAttribute('data-lang') === 'en' ? 'en' : 'fr';
    var height = el.getAttribute('data-height') || 'auto';
    var syncUrl = el.hasAttribute('data-sync-url');
    var key = 'campus' + (index ? index + 1 : '');
    var route = routeOf(el, view);
    // Opt-in URL sync: a deep link from the host (#campus=/formation/x) wins.
    if (syncUrl) {
      var match = location.hash.match(new RegExp('[#&]' + key + '=([^&]*)'));
      if (match) route = decodeURIComponent(match[1]);
    }
    var src = new URL('index.html', appBase);
    src.searchParams.set('embed', '1');
    src.searchParams.set('origin', location.origin);
    src.searchParams.set('lang', lang);
    src.searchParams.set('compact', el.getAttribute('data-compact') === 'false' ? '0' : '1');
    src.searchParams.set('links', el.getAttribute('data-links') === 'new-tab' ? 'new-tab' : 'widget');
    src.hash = route;

    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = el.getAttribute('data-title') || TITLES[view][lang];
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    // Inline !important: a host stylesheet (even with * { all: unset }) cannot undo it.
    var style = { display: 'block', width: '100%', border: '0', margin: '0', padding: '0',
      'min-width': '0', 'max-width': '100%', overflow: 'hidden', background: 'transparent',
      height: /^\d+$/.test(height) ? height + 'px' : '640px' };
    Object.keys(style).forEach(function (p) { frame.style.setProperty(p, style[p], 'important'); });
    el.textContent = '';
    el.appendChild(frame);

    window.addEventListener('message', function (event) {
      // Only our widget, from the app's origin, in this very iframe.
      if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      if (data.type === 'campus:resize' && height === 'auto' && typeof data.height === 'number') {
        frame.style.setProperty('height', Math.max(100, Math.ceil(data.height)) + 'px', 'important');
      } else if (data.type === 'campus:navigate') {
        var top = frame.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight) frame.scrollIntoView({ block: 'start' });
        if (syncUrl && typeof data.path === 'string') {
          history.replaceState(history.state, '', '#' + key + '=' + encodeURIComponent(data.path));
        }
      }
    });
  }

  function init() {
    var nodes = document.querySelectorAll('[data-campus]');
    for (var i = 0; i < nodes.length; i++) mount(nodes[i], i);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
