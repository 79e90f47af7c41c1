"""Captures Neovim's screen as HTML: a real Neovim, driven through its UI
protocol (`--embed`, ext_linegrid) like any GUI, showing a report with the
outline in the location list, a diagnostic and a hover. Called by
`tests/e2e/run-nvim.sh --screenshot`, which renders the HTML to docs/nvim.png.

    python screenshot.py NVIM INIT_LUA WORKSPACE OUT_HTML
"""

import html
import sys

import pynvim

WIDTH, HEIGHT = 150, 42

# What the user does: open the report, list the outline, hover a heading.
# Waits are for the server (attach, diagnostics) and the hover window.
SCRIPT = r"""
local file, line, at = ...
vim.o.termguicolors = true
vim.o.laststatus = 2
vim.o.number = true
vim.o.wrap = false
vim.diagnostic.config({ virtual_text = true })
vim.cmd.cd(vim.fn.fnameescape(vim.fn.fnamemodify(file, ':h')))
vim.cmd.edit(vim.fn.fnameescape(vim.fn.fnamemodify(file, ':t')))
local bufnr = vim.api.nvim_get_current_buf()
vim.wait(20000, function()
  return #vim.lsp.get_clients({ bufnr = bufnr, name = 'baogao' }) > 0
end, 20)
vim.wait(20000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 20)
vim.lsp.buf.document_symbol()
vim.wait(20000, function()
  return #vim.fn.getloclist(0) > 0 or vim.bo.buftype == 'quickfix'
end, 20)
vim.cmd.wincmd('p')
local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, true)[1]
vim.api.nvim_win_set_cursor(0, { line + 1, (text:find(at, 1, true) or 1) - 1 })
vim.cmd('normal! zt')
vim.cmd('normal! 3\25')
"""

# Separately, once Neovim's main loop has seen the cursor move: a CursorMoved
# still pending would close the hover window as soon as it opened.
HOVER = r"""
local function float()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      return win
    end
  end
end
vim.lsp.buf.hover({ border = 'rounded', max_width = 72, max_height = 22 })
vim.wait(20000, function() return float() ~= nil end, 20)
-- K again enters the hover window, as a reader does to scroll it; the cursor
-- there no longer closes it.
vim.lsp.buf.hover({ border = 'rounded', max_width = 72, max_height = 22 })
vim.wait(20000, function() return vim.api.nvim_get_current_win() == float() end, 20)
vim.wait(300)
return float() ~= nil
"""


class Screen:
    """The cells of grid 1, as the linegrid events describe them."""

    def __init__(self):
        self.cells = [[(" ", 0)] * WIDTH for _ in range(HEIGHT)]
        self.attrs = {0: {}}
        self.fg, self.bg = 0xD0D0D0, 0x101010

    def handle(self, name, args):
        for call in args:
            getattr(self, name, lambda *a: None)(*call)

    def default_colors_set(self, fg, bg, *_):
        if fg >= 0:
            self.fg = fg
        if bg >= 0:
            self.bg = bg

    def hl_attr_define(self, hl_id, rgb, *_):
        self.attrs[hl_id] = rgb

    def grid_resize(self, _grid, width, height):
        self.cells = [[(" ", 0)] * width for _ in range(height)]

    def grid_clear(self, _grid):
        self.cells = [[(" ", 0)] * len(row) for row in self.cells]

    def grid_line(self, _grid, row, col, cells, *_):
        hl = 0
        for cell in cells:
            text = cell[0]
            if len(cell) > 1:
                hl = cell[1]
            repeat = cell[2] if len(cell) > 2 else 1
            for _ in range(repeat):
                if col < len(self.cells[row]):
                    self.cells[row][col] = (text, hl)
                col += 1

    def grid_scroll(self, _grid, top, bot, left, right, rows, _cols):
        region = [r[left:right] for r in self.cells[top:bot]]
        for i in range(top, bot):
            src = i - top + rows
            if 0 <= src < len(region):
                self.cells[i][left:right] = region[src]

    def to_html(self):
        def color(value):
            return f"#{value:06x}"

        rows = []
        for row in self.cells:
            spans = []
            col = 0
            while col < len(row):
                text, hl = row[col]
                wide = col + 1 < len(row) and row[col + 1][0] == ""
                rgb = self.attrs.get(hl, {})
                fg = rgb.get("foreground", self.fg)
                bg = rgb.get("background", self.bg)
                if rgb.get("reverse"):
                    fg, bg = bg, fg
                style = [f"color:{color(fg)}", f"background:{color(bg)}"]
                if rgb.get("bold"):
                    style.append("font-weight:bold")
                if rgb.get("italic"):
                    style.append("font-style:italic")
                if rgb.get("undercurl") or rgb.get("underline"):
                    special = rgb.get("special", fg)
                    style.append(f"text-decoration:underline wavy {color(special)}")
                cls = "w" if wide else "c"
                spans.append(f'<span class="{cls}" style="{";".join(style)}">{html.escape(text or " ")}</span>')
                col += 2 if wide else 1
            rows.append(f'<div class="r">{"".join(spans)}</div>')
        return f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin: 0; background: {color(self.bg)}; }}
.r {{ height: 1.35em; white-space: pre; font: 15px/1.35em "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; }}
.c, .w {{ display: inline-block; overflow: hidden; vertical-align: top; height: 1.35em; text-align: center; }}
.c {{ width: 0.6em; }} .w {{ width: 1.2em; }}
</style><body>{"".join(rows)}</body>"""


def main():
    nvim_path, init_lua, workspace, out = sys.argv[1:5]
    nvim = pynvim.attach("child", argv=[nvim_path, "--embed", "--clean", "-u", init_lua])
    screen = Screen()

    def on_notification(name, args):
        if name == "redraw":
            for event in args:
                screen.handle(event[0], event[1:])

    def setup():
        nvim.exec_lua(SCRIPT, f"{workspace}/renda-yaan-gap.txt", 16, "四、")
        if not nvim.exec_lua(HOVER):
            raise SystemExit("the hover window did not open")
        nvim.exec_lua("vim.wait(300)")
        nvim.stop_loop()

    nvim.ui_attach(WIDTH, HEIGHT, rgb=True, ext_linegrid=True)
    nvim.run_loop(None, on_notification, setup)
    with open(out, "w", encoding="utf-8") as f:
        f.write(screen.to_html())
    nvim.close()


if __name__ == "__main__":
    main()
