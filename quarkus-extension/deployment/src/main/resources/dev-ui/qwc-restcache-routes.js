import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * restcache's Dev UI page: the routes the cache acts on with their rules, the live statistics,
 * and a button that clears the cache. Statistics are read again every two seconds while the
 * page is open.
 */
export class QwcRestcacheRoutes extends LitElement {
  jsonRpc = new JsonRpc(this);

  static styles = css`
    .statistics { display: flex; gap: 1.5em; align-items: center; padding: 0.5em 1em; }
    .statistics span { white-space: nowrap; }
    vaadin-grid { height: 100%; }
    :host { display: flex; flex-direction: column; height: 100%; }
  `;

  static properties = {
    _routes: { state: true },
    _statistics: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.jsonRpc.getRoutes().then(response => { this._routes = response.result; });
    this._refresh();
    this._timer = setInterval(() => this._refresh(), 2000);
  }

  disconnectedCallback() {
    clearInterval(this._timer);
    super.disconnectedCallback();
  }

  _refresh() {
    this.jsonRpc.getStatistics().then(response => { this._statistics = response.result; });
  }

  _clear() {
    this.jsonRpc.clear().then(response => { this._statistics = response.result; });
  }

  render() {
    return html`${this._renderStatistics()}${this._renderRoutes()}`;
  }

  _renderStatistics() {
    const s = this._statistics;
    if (!s) {
      return html`<div class="statistics">Loading statistics...</div>`;
    }
    return html`<div class="statistics">
        <span>Store: <b>${s.store}</b></span>
        <span>Hits: <b>${s.hits}</b></span>
        <span>Misses: <b>${s.misses}</b></span>
        <span>Stores: <b>${s.stores}</b></span>
        <span>Not stored: <b>${s.notStored}</b></span>
        <span>Invalidations: <b>${s.invalidations}</b></span>
        <span>Store errors: <b>${s.storeErrors}</b></span>
        <span>Entries: <b>${s.entries === null ? 'n/a' : s.entries}</b></span>
        <vaadin-button theme="primary error" ?disabled=${!s.enabled} @click=${() => this._clear()}>
          Clear the cache
        </vaadin-button>
      </div>`;
  }

  _renderRoutes() {
    if (!this._routes) {
      return html`<span>Loading routes...</span>`;
    }
    return html`<vaadin-grid .items=${this._routes} theme="row-stripes">
        <vaadin-grid-column auto-width header="Method" path="httpMethod"></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Path" path="path"></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Cached"
            ${columnBodyRenderer(route => html`${route.cached ? 'yes' : route.neverCache ? 'never' : 'no'}`, [])}>
        </vaadin-grid-column>
        <vaadin-grid-column auto-width header="TTL" path="ttl"></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Tags"
            ${columnBodyRenderer(route => html`${route.tags.join(', ')}`, [])}></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Vary"
            ${columnBodyRenderer(route => html`${route.vary.join(', ')}`, [])}></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Cache-Control"
            ${columnBodyRenderer(route => html`${route.cacheControl.join(', ')}`, [])}></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Invalidates"
            ${columnBodyRenderer(route => html`${route.invalidates.join(', ')}`, [])}></vaadin-grid-column>
        <vaadin-grid-column auto-width header="Resource method" path="resource"></vaadin-grid-column>
      </vaadin-grid>`;
  }
}
customElements.define('qwc-restcache-routes', QwcRestcacheRoutes);
