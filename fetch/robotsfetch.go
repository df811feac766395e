package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Robots returns the robots.txt that governs u's host, fetching it once
// and caching it for a day. A missing file (4xx) allows everything; a
// server error or an unreachable host disallows everything, as RFC 9309
// asks, and the error says why.
func (c *Client) Robots(ctx context.Context, u *url.URL) (*Robots, error) {
	e, err := c.robotsFor(ctx, u)
	if e == nil {
		return nil, err
	}
	return e.robots, e.err
}

// robotsFor returns the finished cache entry of u's host, fetching
// robots.txt when there is none or it is older than a day. Concurrent
// callers for one host wait for a single fetch. It returns a nil entry
// only when ctx ends first.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	key := hostKey(u)
	c.mu.Lock()
	e := c.robots[key]
	if e != nil {
		select {
		case <-e.done:
			if time.Since(e.fetched) > robotsTTL {
				e = nil
			}
		default:
		}
	}
	if e == nil {
		e = &robotsEntry{done: make(chan struct{})}
		c.robots[key] = e
		c.mu.Unlock()
		e.robots, e.resp, e.err = c.fetchRobots(ctx, u)
		e.fetched = time.Now()
		close(e.done)
		if e.robots == nil {
			return nil, e.err
		}
		return e, nil
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		if e.robots == nil {
			return nil, e.err // a cancelled fetch of another caller
		}
		return e, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fetchRobotsFile answers a Fetch of robots.txt itself from the cache
// the robots check fills, so a caller reading the file (for its Sitemap
// lines, say) costs the site no second request. It returns nil, nil when
// the cache has no response to give (the host was unreachable).
func (c *Client) fetchRobotsFile(ctx context.Context, u *url.URL) (*Response, error) {
	e, err := c.robotsFor(ctx, u)
	if e == nil {
		return nil, err
	}
	if e.resp == nil {
		return nil, nil
	}
	r := *e.resp
	r.Header = e.resp.Header.Clone()
	r.Body = append([]byte(nil), e.resp.Body...)
	return &r, nil
}

// cachedRobots returns the cached robots.txt of u's host, if fetched.
func (c *Client) cachedRobots(u *url.URL) *Robots {
	c.mu.Lock()
	e := c.robots[hostKey(u)]
	c.mu.Unlock()
	if e == nil {
		return nil
	}
	select {
	case <-e.done:
		return e.robots
	default:
		return nil
	}
}

func (c *Client) fetchRobots(ctx context.Context, u *url.URL) (*Robots, *Response, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := c.do(ctx, ru, Validators{}, max(c.opts.MaxBytes, robotsMaxBytes))
	switch {
	case err != nil:
		if ctx.Err() != nil {
			// A cancelled caller must not poison the cache for others.
			c.mu.Lock()
			delete(c.robots, hostKey(u))
			c.mu.Unlock()
			return nil, nil, ctx.Err()
		}
		return &Robots{disallowAll: true}, nil, fmt.Errorf("robots.txt %s unreachable, host treated as disallowed: %w", ru, err)
	case resp.Status >= 200 && resp.Status < 300:
		return ParseRobots(resp.Body), resp, nil
	case resp.Status >= 400 && resp.Status < 500:
		return &Robots{}, resp, nil
	default:
		return &Robots{disallowAll: true}, resp, fmt.Errorf("robots.txt %s: status %d, host treated as disallowed", ru, resp.Status)
	}
}

// allowed returns nil when robots.txt lets our agent fetch u.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	r, err := c.Robots(ctx, u)
	if r == nil {
		return err
	}
	if errors.Is(err, ErrBlocked) {
		// The guard, not the site, stopped us: say so.
		return err
	}
	if r.Allowed(c.opts.UserAgent, u) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrRobots, err)
	}
	return fmt.Errorf("%w: %s", ErrRobots, u.EscapedPath())
}
