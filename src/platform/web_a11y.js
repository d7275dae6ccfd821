// web_a11y.js: the accessible mirror of the screen (docs/accessibility.md). The canvas is pixels; beside
// it this keeps a DOM tree built from what the app recorded of its last frame (test_probe.hpp, the
// same records the browser tests find widgets by), so that a screen reader, switch access, the
// browser's find and copy, and the right-click menu work on it. Linked with --js-library.
//
// Contract
// - js_a11y_update(items, labels) is called after a frame whose records changed; it updates only
//   the elements that changed. Elements are keyed by widget id (or, for text, by its words) and by
//   their order among equals, so an element lives as long as its widget.
// - Structure: landmarks (banner = menu bar, navigation, main, status = the status bar, a live
//   region), dialogs (aria-modal, named by their title or first text), menus and lists, tab bars
//   (tablist, tab with aria-selected), tables (rows, column headers, cells), headings h1/h2, and
//   leaves placed exactly over what the canvas
//   draws (CSS pixels), with transparent text: selecting, finding and copying show on the drawing.
// - Acting through the DOM acts on the widget: click() on a button, checkbox, tree, menu item or
//   combo box activates it (iadesk_a11y_activate, on the next frame); focusing a text field starts
//   editing it, and what is typed into it reaches the app as typed text does (web_library.js).
// - ImGui's keyboard focus is mirrored: the focused widget's element gets DOM focus (without
//   scrolling), so a screen reader announces what Tab moved to.
// - Mouse, wheel and touch events that land on text are passed on to the canvas: text never
//   blocks the app, and the right-click menu over text stays the browser's.
mergeInto(LibraryManager.library, {
  js_a11y_install: function () {
    const canvas = document.getElementById('canvas');
    canvas.setAttribute('aria-hidden', 'true'); // the mirror speaks for it
    const root = document.createElement('div');
    root.id = 'iadesk-a11y';
    root.style.cssText = 'position:fixed;left:0;top:0;width:100vw;height:100vh;overflow:hidden;' +
                         'pointer-events:none;color:transparent;z-index:1;font-family:sans-serif;' +
                         'white-space:pre-wrap;';
    canvas.insertAdjacentElement('afterend', root);

    const forward = (e) => {
      let copy = null;
      try {
        if (e.type.startsWith('touch')) {
          copy = new TouchEvent(e.type, { bubbles: true, cancelable: true,
            touches: Array.from(e.touches), targetTouches: Array.from(e.targetTouches),
            changedTouches: Array.from(e.changedTouches),
            ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey });
        } else {
          copy = new e.constructor(e.type, e);
        }
      } catch (err) { return; }
      canvas.dispatchEvent(copy);
      if (e.type === 'wheel') e.preventDefault();
    };
    for (const type of ['mousedown', 'mouseup', 'mousemove', 'wheel', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])
      root.addEventListener(type, forward, { passive: type !== 'wheel' });

    const nodes = new Map(); // key -> { el, sig }
    let syncingFocus = false;

    const activate = (el) => { if (el.__iadeskId) Module._iadesk_a11y_activate(el.__iadeskId); };

    const make = (tag, role) => {
      const el = document.createElement(tag);
      if (role) el.setAttribute('role', role);
      return el;
    };

    // What element a record becomes: [tag, role, interactive].
    const shape = (it) => {
      if (it.role === 'heading') return ['h' + (it.level === 1 ? 1 : 2), null, false];
      if (it.kind === 'text') return ['span', it.role === 'alert' ? 'alert' : null, false];
      if (it.kind === 'input') return ['input', null, true];
      if (it.role === 'combo') return ['div', 'button', true];
      if (it.role === 'tab') return ['div', 'tab', true];
      if (it.kind === 'checkbox') return ['div', it.region === 'menu' ? 'menuitemcheckbox' : 'checkbox', true];
      if (it.region === 'menu') return ['div', 'menuitem', true];
      if (it.region === 'popup') return ['div', 'option', true];
      if (it.kind === 'button' || it.kind === 'tree') return ['div', 'button', true];
      if (it.kind === 'panel') return ['div', 'group', true]; // pressing it enters it, as Enter does
      return null;
    };

    const leaf = (key, it, shp, css) => {
      const [tag, role, interactive] = shp;
      let n = nodes.get(key);
      if (!n || n.tag !== tag || n.role !== role) {
        if (n) n.el.remove();
        const el = make(tag, role);
        el.style.position = 'absolute';
        el.style.margin = '0';
        el.style.overflow = 'hidden';
        if (interactive) {
          el.tabIndex = -1;
          el.addEventListener('click', () => activate(el));
          if (tag === 'input') {
            el.type = 'text';
            el.style.cssText += 'border:0;padding:0;background:transparent;color:transparent;outline:none;font:inherit;';
            el.autocomplete = 'off';
            el.spellcheck = false;
            el.addEventListener('focus', () => { if (!syncingFocus && !el.__iadeskEditing) activate(el); });
            Module.iadeskAttachTextInput(el, false);
          }
        }
        n = { el, tag, role, sig: '' };
      }
      n.seen = true;
      nodes.set(key, n);
      const el = n.el;
      el.__iadeskId = it.id;
      const label = it.label;
      const sig = [label, it.value, css.left, css.top, css.width, css.height, it.checked, it.expanded,
                   it.selected, it.disabled, it.visible, it.focused].join('|');
      if (sig === n.sig) return n;
      n.sig = sig;
      el.style.left = css.left + 'px';
      el.style.top = css.top + 'px';
      el.style.width = css.width + 'px';
      el.style.height = css.height + 'px';
      // Text takes the pointer only where it is drawn (a clipped record may lie over other things).
      el.style.pointerEvents = !interactive && it.visible ? 'auto' : 'none';
      if (tag === 'input') {
        el.setAttribute('aria-label', label);
        const editing = !!it.focused;
        el.__iadeskEditing = editing;
        if (el.value !== (it.value || '') && !el.__iadeskComposing) el.value = it.value || '';
        el.readOnly = !!it.disabled;
      } else if (tag === 'div' && role === 'group') {
        el.setAttribute('aria-label', label);
      } else if (it.role === 'combo') {
        el.textContent = it.value || '';
        if (label && label !== it.value) el.setAttribute('aria-label', label + ': ' + (it.value || ''));
        else el.removeAttribute('aria-label');
        el.setAttribute('aria-haspopup', 'listbox');
        el.setAttribute('aria-expanded', it.expanded ? 'true' : 'false');
      } else {
        if (el.textContent !== label) el.textContent = label;
        if (it.checked !== undefined) el.setAttribute('aria-checked', it.checked ? 'true' : 'false');
        if (it.role === 'tab') el.setAttribute('aria-selected', it.selected ? 'true' : 'false');
        if (it.expanded !== undefined) {
          el.setAttribute('aria-expanded', it.expanded ? 'true' : 'false');
          if (it.region === 'banner') el.setAttribute('aria-haspopup', 'menu');
        }
      }
      if (it.disabled) el.setAttribute('aria-disabled', 'true');
      else el.removeAttribute('aria-disabled');
      return n;
    };

    const container = (key, tag, role, attrs) => {
      let n = nodes.get(key);
      if (!n) {
        n = { el: make(tag, role), tag, role, sig: '', children: [] };
        n.el.style.margin = '0';
      }
      n.seen = true;
      nodes.set(key, n);
      for (const k of Object.keys(attrs || {})) {
        const v = attrs[k];
        if (v === null || v === undefined || v === '') n.el.removeAttribute(k);
        else if (n.el.getAttribute(k) !== v) n.el.setAttribute(k, v);
      }
      return n;
    };

    // Puts `children` (elements) into `parent` in this order, moving only what is out of place.
    const place = (parent, children) => {
      for (let i = 0; i < children.length; i++)
        if (parent.childNodes[i] !== children[i]) parent.insertBefore(children[i], parent.childNodes[i] || null);
      while (parent.childNodes.length > children.length) parent.removeChild(parent.lastChild);
    };

    const regionShape = {
      banner: ['header', null], navigation: ['nav', null], main: ['main', null], status: ['div', 'status'],
      dialog: ['div', 'dialog'], menu: ['div', 'menu'], popup: ['div', 'listbox'], tooltip: ['div', 'tooltip'],
    };

    Module.iadeskA11y = {
      root,
      update: (items, labels) => {
        const dpr = window.devicePixelRatio || 1;
        const r = canvas.getBoundingClientRect();
        for (const n of nodes.values()) n.seen = false;
        // One line of body text: the lowest text record (wrapped text spans more lines).
        let line = 0;
        for (const it of items) if (it.kind === 'text' && it.role !== 'heading' && it.h > 0 && (!line || it.h < line)) line = it.h;
        line = (line || 17 * dpr) / dpr;
        root.style.fontSize = (line * 0.8).toFixed(1) + 'px';
        root.style.lineHeight = line.toFixed(1) + 'px';

        const top = [];
        const ordinals = new Map();
        let focused = null;
        for (const it of items) {
          const shp = shape(it);
          if (!shp) continue;
          const base = it.id ? 'i' + it.id : 't' + it.label;
          const ord = (ordinals.get(base) || 0) + 1;
          ordinals.set(base, ord);
          const css = { left: +(r.left + it.x / dpr).toFixed(1), top: +(r.top + it.y / dpr).toFixed(1),
                        width: +(it.w / dpr).toFixed(1), height: +(it.h / dpr).toFixed(1) };
          // Region (a dialog per popup window), then table, row and cell.
          const rk = 'r:' + it.region + ':' + (it.dialogId || '');
          const [rtag, rrole] = regionShape[it.region] || ['div', null];
          const reg = container(rk, rtag, rrole, it.region === 'dialog' ? { 'aria-modal': 'true' } :
                                                 it.region === 'navigation' || it.region === 'status' ? { 'aria-label': labels[it.region] } : null);
          if (!reg.listed) { reg.listed = true; reg.children = []; top.push(reg); }
          if (it.region === 'dialog' && !reg.named) {
            reg.named = true;
            reg.el.setAttribute('aria-label', it.dialog || it.label);
          }
          let parent = reg;
          if (it.tablist) { // a tab bar's tabs, together
            const lk = rk + ':l' + it.tablist;
            const list = container(lk, 'div', 'tablist');
            if (!list.listed) { list.listed = true; list.children = []; parent.children.push(list.el); }
            parent = list;
          } else if (it.table) {
            const tk = rk + ':t' + it.table;
            const t = container(tk, 'div', 'table');
            if (!t.listed) { t.listed = true; t.children = []; parent.children.push(t.el); }
            const rowk = tk + ':' + it.row;
            const row = container(rowk, 'div', 'row');
            if (!row.listed) { row.listed = true; row.children = []; t.children.push(row.el); }
            const cellk = rowk + ':' + it.col;
            const cell = container(cellk, 'div', it.header ? 'columnheader' : 'cell');
            if (!cell.listed) { cell.listed = true; cell.children = []; row.children.push(cell.el); }
            parent = cell;
          }
          const n = leaf(base + ':' + ord, it, shp, css);
          parent.children.push(n.el);
          if (it.focused && shp[2]) focused = n.el;
        }
        for (const n of nodes.values()) {
          if (n.children && n.listed) place(n.el, n.children);
          n.listed = false;
          n.named = false;
        }
        place(root, top.map((n) => n.el));
        // (No destructuring in for-of here: Emscripten 3.1.6's library preprocessor mangles it.)
        for (const k of Array.from(nodes.keys())) {
          const n = nodes.get(k);
          if (!n.seen) { n.el.remove(); nodes.delete(k); }
        }

        // ImGui's keyboard focus becomes the DOM's, unless the user is in another part of the page.
        const active = document.activeElement;
        const ours = !active || active === document.body || root.contains(active) || active === Module.iadeskTextInput;
        if (focused && focused !== active && ours) {
          if (active === Module.iadeskTextInput && focused.tagName !== 'INPUT') return; // typing elsewhere
          syncingFocus = true;
          focused.focus({ preventScroll: true });
          syncingFocus = false;
        }
      },
    };
  },

  js_a11y_update: function (items, labels) {
    if (Module.iadeskA11y) Module.iadeskA11y.update(JSON.parse(UTF8ToString(items)), JSON.parse(UTF8ToString(labels)));
  },
});
