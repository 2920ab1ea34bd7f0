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
 * data-sync-url is set. Placeholders added later are mounted too. Options are
 * documented in docs/embedding.md.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var appBase = new URL('./', script.src);
  var appOrigin = appBase.origin;
  // Attributes and the catalogue URL keys they pre-set: the filter table's
  // (src/core/catalogue/filters.rs), checked against it by a native test.
  var FILTERS = { 'data-q': 'q', 'data-domain': 'domaine', 'data-type': 'type', 'data-format': 'format',
    'data-level': 'niveau', 'data-audience': 'public', 'data-region': 'region', 'data-sort': 'tri' };
  var FLAGS = { 'data-free': 'gratuit', 'data-upcoming': 'sessions' };
  var TITLES = {
    catalogue: { fr: 'Catalogue des formations du Campus du numérique public', en: 'Campus du numérique public training catalogue' },
    course: { fr: 'Formation du Campus du numérique public', en: 'Campus du numérique public training' },
    'trainer-call': { fr: 'Devenir formateur au Campus du numérique public', en: 'Become a trainer at the Campus du numérique public' },
    application: { fr: 'Candidature de formateur au Campus du numérique public', en: 'Trainer application to the Campus du numérique public' },
    request: { fr: 'Demande de formation sur mesure au Campus du numérique public', en: 'Tailor-made programme request to the Campus du numérique public' }
  };
  // Sync keys (campus, campus2, …) follow mount order, not page position: a
  // widget keeps its key whatever is added or removed around it later.
  var mounted = 0;

  // Height in px, bounded (a bad message must neither collapse the widget nor
  // make the host page a million px tall), or null if not a finite number.
  function clampHeight(h) {
    if (typeof h !== 'number' || !isFinite(h)) return null;
    return Math.min(20000, Math.max(100, Math.ceil(h)));
  }

  // A plain app route ("/catalogue?q=x"): one leading slash (not "//host"), no
  // backslash (read as a slash by URL parsers), no control characters.
  function isRoute(r) {
    return typeof r === 'string' && r.length <= 2000 && /^\/(?!\/)[^\\\u0000-\u001f\u007f-\u009f]*$/.test(r);
  }

  // This widget's deep link in the host URL (#campus=/formation/x), or null:
  // anyone can craft the fragment, so malformed or odd values are ignored.
  function deepLink(key) {
    try {
      var match = location.hash.match(new RegExp('[#&]' + key + '=([^&]*)'));
      var route = match && decodeURIComponent(match[1]);
      return isRoute(route) ? route : null;
    } catch (e) {
      return null; // URIError: malformed percent-encoding
    }
  }

  function routeOf(el, view) {
    if (view === 'course') return '/formation/' + encodeURIComponent(el.getAttribute('data-course') || '');
    if (view === 'trainer-call') return '/devenir-formateur';
    if (view === 'application') return '/candidature';
    if (view === 'request') {
      var course = el.getAttribute('data-course');
      return '/sur-mesure' + (course ? '?formation=' + encodeURIComponent(course) : '');
    }
    var query = [];
    Object.keys(FILTERS).forEach(function (attr) {
      var value = el.getAttribute(attr);
      if (!value) return;
      value.split(',').forEach(function (v) {
        if (v.trim()) query.push(FILTERS[attr] + '=' + encodeURIComponent(v.trim()));
      });
    });
    Object.keys(FLAGS).forEach(function (attr) {
      if (el.getAttribute(attr) === 'true') query.push(FLAGS[attr] + '=1');
    });
    return '/catalogue' + (query.length ? '?' + query.join('&') : '');
  }

  // The page's own address under the app (a route such as /formation/x?y
  // becomes formation/x/ and its query): the widget loads that page's file.
  // A course whose id is no plain slug opens through formation/?id=….
  function pageOf(route) {
    var i = route.indexOf('?');
    var path = (i < 0 ? route : route.slice(0, i)).replace(/^\/+|\/+$/g, '');
    var query = i < 0 ? '' : route.slice(i + 1);
    var course = /^formation\/([^/]+)$/.exec(path);
    if (course) {
      var id = null;
      try { id = decodeURIComponent(course[1]); } catch (e) { id = null; }
      if (id && !/^[a-z0-9][a-z0-9_-]{0,99}$/.test(id)) {
        path = 'formation';
        query = 'id=' + encodeURIComponent(id) + (query ? '&' + query : '');
      }
    }
    // Only plain folders: a crafted deep link cannot climb out of the app
    // (no "..", no encoded characters); anything else opens the home page.
    if (!/^([a-z0-9][a-z0-9_-]*(\/|$))*$/.test(path)) path = '';
    return { path: path ? path + '/' : '', query: query };
  }

  function mount(el) {
    if (el.hasAttribute('data-campus-mounted')) return;
    el.setAttribute('data-campus-mounted', '1');
    var index = mounted++;
    var view = el.getAttribute('data-campus') || 'catalogue';
    if (!TITLES[view]) view = 'catalogue';
    var lang = el.getAttribute('data-lang') === 'en' ? 'en' : 'fr';
    // Fixed height: 2 to 5 digits only, else auto.
    var fixed = el.getAttribute('data-height') || '';
    fixed = /^\d{2,5}$/.test(fixed) ? clampHeight(+fixed) : null;
    var syncUrl = el.hasAttribute('data-sync-url');
    var key = 'campus' + (index ? index + 1 : '');
    // Opt-in URL sync: a valid deep link from the host (#campus=/formation/x) wins.
    var route = (syncUrl && deepLink(key)) || routeOf(el, view);
    var page = pageOf(route);
    var src = new URL(page.path, appBase);
    src.search = page.query;
    src.searchParams.set('embed', '1');
    src.searchParams.set('origin', location.origin);
    src.searchParams.set('lang', lang);
    src.searchParams.set('compact', el.getAttribute('data-compact') === 'false' ? '0' : '1');
    src.searchParams.set('links', el.getAttribute('data-links') === 'new-tab' ? 'new-tab' : 'widget');

    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = el.getAttribute('data-title') || TITLES[view][lang];
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    // Inline !important: a host stylesheet (even with * { all: unset }) cannot undo it.
    var style = { display: 'block', width: '100%', border: '0', margin: '0', padding: '0',
      'min-width': '0', 'max-width': '100%', overflow: 'hidden', background: 'transparent',
      height: (fixed || 640) + 'px' };
    Object.keys(style).forEach(function (p) { frame.style.setProperty(p, style[p], 'important'); });
    el.textContent = '';
    el.appendChild(frame);

    window.addEventListener('message', function (event) {
      // Only our widget, from the app's origin, in this very iframe.
      if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
      var data = event.data || {};
      var h = clampHeight(data.height);
      if (data.type === 'campus:resize' && !fixed && h) {
        frame.style.setProperty('height', h + 'px', 'important');
      } else if (data.type === 'campus:navigate') {
        var top = frame.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight) frame.scrollIntoView({ block: 'start' });
        if (syncUrl && isRoute(data.path)) {
          history.replaceState(history.state, '', '#' + key + '=' + encodeURIComponent(data.path));
        }
      }
    });
  }

  // The node itself if it is a placeholder, then its placeholder descendants.
  function mountIn(node) {
    if (node.nodeType !== 1) return;
    if (node.hasAttribute('data-campus')) mount(node);
    var nodes = node.querySelectorAll('[data-campus]');
    for (var i = 0; i < nodes.length; i++) mount(nodes[i]);
  }

  function init() {
    mountIn(document.documentElement);
    // Placeholders inserted later (single-page hosts, tabs, CMS blocks).
    if (window.MutationObserver) new MutationObserver(function (records) {
      for (var r = 0; r < records.length; r++) {
        var added = records[r].addedNodes;
        for (var n = 0; n < added.length; n++) mountIn(added[n]);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
