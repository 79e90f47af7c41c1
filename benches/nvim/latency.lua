-- Server latency as Neovim's own LSP client sees it: a client written
-- outside this project, confirming what benches/lsp_latency.rs measures.
-- Run by benches/nvim-latency.sh; prints a markdown table.
--
-- Opens the document, waits for its first diagnostics, then makes random
-- single-character edits (inserts and deletes at random places, fixed seed),
-- one at a time, each timed from the buffer change to the arrival of the
-- diagnostics Neovim receives for that buffer version (pulled or pushed).
-- Neovim's didChange debounce and the server's debounce are both 0 here.
local bin = assert(vim.env.BAOGAO_BIN, 'BAOGAO_BIN is not set')
local file = assert(vim.env.BAOGAO_BENCH_FILE, 'BAOGAO_BENCH_FILE is not set')
local edits = tonumber(vim.env.BAOGAO_BENCH_EDITS or '500')
local requests = tonumber(vim.env.BAOGAO_BENCH_REQUESTS or '50')
local uv = vim.uv

local function fail(msg)
  io.stderr:write('nvim-latency: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function ms(ns)
  return ns / 1e6
end

-- Arrival time of the diagnostics for each buffer version.
local arrived = {}
for _, method in ipairs({ 'textDocument/publishDiagnostics', 'textDocument/diagnostic' }) do
  local default = vim.lsp.handlers[method]
  vim.lsp.handlers[method] = function(err, result, ctx, config)
    local now = uv.hrtime()
    local version = ctx.version or (result and result.version)
    if version and not arrived[version] then
      arrived[version] = now
    end
    return default(err, result, ctx, config)
  end
end

vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.lsp.config('baogao', {
  cmd = { bin, 'lsp' },
  filetypes = { 'text' },
  root_markers = { '.git' },
  init_options = { debounceMs = 0 },
  flags = { debounce_text_changes = 0 },
  -- Neovim offers UTF-8 and the server takes it; BAOGAO_POSITION_ENCODING=utf-16
  -- measures what most other editors speak.
  capabilities = (vim.env.BAOGAO_POSITION_ENCODING or '') ~= ''
      and { general = { positionEncodings = { vim.env.BAOGAO_POSITION_ENCODING } } }
    or nil,
})
vim.lsp.enable('baogao')

local opened = uv.hrtime()
vim.cmd.edit(vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'text'

local function version()
  return vim.lsp.util.buf_versions[buf]
end

local function wait_for(v)
  return vim.wait(10000, function()
    return arrived[v] ~= nil
  end, 1)
end

if not wait_for(version()) then
  fail('no diagnostics for the opened document within 10 s')
end
local client = vim.lsp.get_clients({ bufnr = buf, name = 'baogao' })[1]
if not client then
  fail('baogao did not attach')
end
local open_ms = ms(arrived[version()] - opened)

local function percentile(samples, p)
  local sorted = vim.deepcopy(samples)
  table.sort(sorted)
  return sorted[math.max(1, math.ceil(#sorted * p))]
end

math.randomseed(42)
local inserts = { '的', '一', '，', '。', '2', '（' }
local function random_edit()
  local lines = vim.api.nvim_buf_line_count(buf)
  local row = math.random(0, lines - 1)
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, true)[1]
  local chars = vim.str_utfindex(line, 'utf-32')
  local col = vim.str_byteindex(line, 'utf-32', math.random(0, chars))
  if math.random() < 0.3 and col < #line then
    local next_col = vim.str_byteindex(line, 'utf-32', vim.str_utfindex(line, 'utf-32', col) + 1)
    vim.api.nvim_buf_set_text(buf, row, col, row, next_col, { '' })
  else
    vim.api.nvim_buf_set_text(buf, row, col, row, col, { inserts[math.random(#inserts)] })
  end
end

local edit_ms = {}
for _ = 1, edits do
  local start = uv.hrtime()
  random_edit()
  local v = version()
  if not wait_for(v) then
    fail('no diagnostics for version ' .. v .. ' within 10 s')
  end
  edit_ms[#edit_ms + 1] = ms(arrived[v] - start)
end

local function timed(method, params_of)
  local samples = {}
  for _ = 1, requests do
    local params = params_of()
    local start = uv.hrtime()
    local response = client:request_sync(method, params, 10000, buf)
    if not response or response.err then
      fail(method .. ' failed: ' .. vim.inspect(response))
    end
    samples[#samples + 1] = ms(uv.hrtime() - start)
  end
  return samples
end

local function document()
  return { textDocument = vim.lsp.util.make_text_document_params(buf) }
end
local symbol_ms = timed('textDocument/documentSymbol', document)
local hover_ms = timed('textDocument/hover', function()
  local lines = vim.api.nvim_buf_line_count(buf)
  local row = math.random(0, lines - 1)
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, true)[1]
  local params = document()
  params.position = { line = row, character = vim.str_utfindex(line, client.offset_encoding) }
  params.position.character = math.random(0, params.position.character)
  return params
end)

local rss = 'unknown'
local pids = vim.fn.systemlist({ 'pgrep', '-f', '^' .. vim.pesc(bin) .. ' lsp' })
if pids[1] then
  for _, l in ipairs(vim.fn.readfile('/proc/' .. pids[1] .. '/status')) do
    local kb = l:match('^VmHWM:%s+(%d+) kB')
    if kb then
      rss = string.format('%.1f MB', tonumber(kb) * 1024 / 1e6)
    end
  end
end

local out = {
  string.format(
    'Neovim %s, server %s, %s (%d bytes), position encoding %s',
    tostring(vim.version()),
    bin,
    file,
    vim.fn.getfsize(file),
    client.offset_encoding
  ),
  '',
  '| measure | n | p50 | p95 | max |',
  '|---|---:|---:|---:|---:|',
  string.format('| didOpen → diagnostics | 1 | %.2f ms | | |', open_ms),
}
local function row(name, samples)
  out[#out + 1] = string.format(
    '| %s | %d | %.2f ms | %.2f ms | %.2f ms |',
    name,
    #samples,
    percentile(samples, 0.5),
    percentile(samples, 0.95),
    percentile(samples, 1)
  )
end
row('edit → diagnostics', edit_ms)
row('documentSymbol (Neovim decoding included)', symbol_ms)
row('hover at a random position', hover_ms)
out[#out + 1] = ''
out[#out + 1] = 'server peak RSS (VmHWM): ' .. rss
io.stdout:write(table.concat(out, '\n') .. '\n')
vim.cmd('qall!')
