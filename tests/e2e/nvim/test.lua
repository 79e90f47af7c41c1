-- End-to-end test of the baogao server in Neovim: opens real reports, waits
-- for the client to attach and asserts the outline, the diagnostics and the
-- hovers listed in tests/e2e/expect.json (shared with the VS Code test).
-- Ends with `qall!` when every check passed, `cquit` otherwise.

local workspace = assert(vim.env.BAOGAO_WORKSPACE, 'BAOGAO_WORKSPACE is not set')
local expect_file = assert(vim.env.BAOGAO_EXPECT, 'BAOGAO_EXPECT is not set')
local TIMEOUT = tonumber(vim.env.BAOGAO_E2E_TIMEOUT_MS) or 20000

local passed, failed = 0, 0

local function out(line)
  io.stdout:write(line, '\n')
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out('ok   ' .. name)
  else
    failed = failed + 1
    out('FAIL ' .. name .. (detail and ('\n     ' .. detail) or ''))
  end
  return ok
end

local SEVERITY = { error = 1, warning = 2, info = 3, hint = 4 }

-- Which URIs have had their diagnostics delivered: pushed by the server
-- (publishDiagnostics) or pulled by Neovim (textDocument/diagnostic, which
-- Neovim 0.11 asks for when the server offers it). A clean document's empty
-- list counts: it is an answer, not the absence of one.
local delivered = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  if result then
    delivered[result.uri] = 'pushed'
  end
end
local pulled = vim.lsp.handlers['textDocument/diagnostic']
vim.lsp.handlers['textDocument/diagnostic'] = function(err, result, ctx, config)
  pulled(err, result, ctx, config)
  if result and ctx.params and ctx.params.textDocument then
    delivered[ctx.params.textDocument.uri] = 'pulled'
  end
end

local function read_json(path)
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  return vim.json.decode(text)
end

-- Flattens the DocumentSymbol tree into { name, line, end_char, parent, children }.
local function flatten(symbols, parent, acc)
  for _, s in ipairs(symbols or {}) do
    local range = s.selectionRange or s.range or (s.location and s.location.range)
    table.insert(acc, {
      name = s.name,
      line = range.start.line,
      end_line = range['end'].line,
      end_char = range['end'].character,
      parent = parent,
      children = s.children and #s.children or 0,
    })
    flatten(s.children, s.name, acc)
  end
  return acc
end

local function starts_with(s, prefix)
  return s:sub(1, #prefix) == prefix
end

-- The position of the first occurrence of `at` on `line`, in the client's
-- negotiated encoding: the conversion a UTF-16 bug would get wrong.
local function position(bufnr, client, line, at)
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, true)[1]
  local byte = text:find(at, 1, true)
  if byte == nil then
    return nil, ('%q not found on line %d'):format(at, line)
  end
  local col = vim.str_utfindex(text, client.offset_encoding, byte - 1, false)
  return { line = line, character = col }
end

-- The end of a line in the client's negotiated encoding.
local function line_end(bufnr, client, line)
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, true)[1]
  return vim.str_utfindex(text, client.offset_encoding, #text, false)
end

local function check_symbols(label, bufnr, client, expected)
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, TIMEOUT)
  local result
  for _, response in pairs(responses or {}) do
    if response.result then
      result = response.result
    end
  end
  if not check(label .. ': documentSymbol answered', result ~= nil, vim.inspect(responses)) then
    return
  end
  local flat = flatten(result, nil, {})
  for _, want in ipairs(expected) do
    local found
    for _, got in ipairs(flat) do
      if starts_with(got.name, want.name) and got.line == want.line then
        found = got
        break
      end
    end
    local name = ('%s: symbol %q on line %d'):format(label, want.name, want.line + 1)
    local ok = found ~= nil
      and (want.parent == nil or (found.parent ~= nil and starts_with(found.parent, want.parent)))
      and (want.children == nil or found.children == want.children)
      and (not want.ends_line or (found.end_line == want.line and found.end_char == line_end(bufnr, client, want.line)))
    local seen = {}
    for _, got in ipairs(flat) do
      table.insert(seen, ('%d:%s (parent %s, %d children, ends %d:%d)'):format(
        got.line + 1, got.name, got.parent or '-', got.children, got.end_line + 1, got.end_char))
    end
    check(name, ok, found and vim.inspect(found) or ('outline was:\n       ' .. table.concat(seen, '\n       ')))
  end
end

local function check_diagnostics(label, bufnr, client, expected)
  local uri = vim.uri_from_bufnr(bufnr)
  local got = vim.wait(TIMEOUT, function()
    return delivered[uri] ~= nil
  end, 20)
  if not check(label .. ': diagnostics delivered', got) then
    return
  end
  out(('     diagnostics %s'):format(delivered[uri]))
  local items = vim.diagnostic.get(bufnr, { namespace = vim.lsp.diagnostic.get_namespace(client.id, delivered[uri] == 'pulled') })
  local function describe_all()
    local lines = {}
    for _, d in ipairs(items) do
      table.insert(lines, ('%s line %d col %d sev %d: %s'):format(tostring(d.code), d.lnum + 1, d.col, d.severity, d.message))
    end
    return 'diagnostics were:\n       ' .. (#lines > 0 and table.concat(lines, '\n       ') or '(none)')
  end
  local matched = {}
  for _, want in ipairs(expected.items or {}) do
    local hit
    for i, d in ipairs(items) do
      if tostring(d.code) == want.code and d.lnum == want.line
        and (want.severity == nil or d.severity == SEVERITY[want.severity]) then
        hit = i
        break
      end
    end
    if hit then
      matched[hit] = true
    end
    check(('%s: diagnostic %s on line %d'):format(label, want.code, want.line + 1), hit ~= nil, describe_all())
  end
  if expected.no_other_at_least then
    local limit = SEVERITY[expected.no_other_at_least]
    local extra = {}
    for i, d in ipairs(items) do
      if not matched[i] and d.severity <= limit then
        table.insert(extra, ('%s line %d: %s'):format(tostring(d.code), d.lnum + 1, d.message))
      end
    end
    check(('%s: no other diagnostic at %s or above'):format(label, expected.no_other_at_least), #extra == 0,
      table.concat(extra, '\n       '))
  end
end

local function hover_text(result)
  local contents = result and result.contents
  if type(contents) == 'string' then
    return contents
  elseif type(contents) == 'table' and contents.value then
    return contents.value
  elseif type(contents) == 'table' then
    local parts = {}
    for _, c in ipairs(contents) do
      table.insert(parts, type(c) == 'string' and c or c.value)
    end
    return table.concat(parts, '\n')
  end
  return ''
end

local function check_hovers(label, bufnr, client, hovers)
  for _, want in ipairs(hovers) do
    local name = ('%s: hover at %q on line %d'):format(label, want.at, want.line + 1)
    local pos, err = position(bufnr, client, want.line, want.at)
    if not check(name .. ' (position)', pos ~= nil, err) then
      goto continue
    end
    do
      local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = pos }
      local response = client:request_sync('textDocument/hover', params, TIMEOUT, bufnr)
      local text = hover_text(response and response.result)
      local missing = {}
      for _, needle in ipairs(want.contains) do
        if not text:find(needle, 1, true) then
          table.insert(missing, needle)
        end
      end
      check(name, #missing == 0, ('missing %s in hover:\n%s'):format(vim.inspect(missing), text))
    end
    ::continue::
  end
end

-- Asks for the quick fixes at a finding, applies the expected one the way
-- Neovim's code-action menu does, checks the text and the diagnostics, then
-- puts the original text back.
local function check_fix(label, bufnr, client, fix)
  local pos, err = position(bufnr, client, fix.line, fix.at)
  if not check(label .. ': quick fix position', pos ~= nil, err) then
    return
  end
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = pos, ['end'] = pos },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }
  local response = client:request_sync('textDocument/codeAction', params, TIMEOUT, bufnr)
  local actions = (response and response.result) or {}
  local action
  for _, a in ipairs(actions) do
    if a.title and a.title:find(fix.title_contains, 1, true) then
      action = a
      break
    end
  end
  -- An action offered without its edit is resolved when chosen, as the menu
  -- does (codeAction/resolve).
  if action and not action.edit then
    local resolved = client:request_sync('codeAction/resolve', action, TIMEOUT, bufnr)
    action = resolved and resolved.result
    if action and not action.edit then
      action = nil
    end
  end
  local titles = vim.tbl_map(function(a)
    return a.title
  end, actions)
  if not check(('%s: quick fix %q offered'):format(label, fix.title_contains), action ~= nil, vim.inspect(titles)) then
    return
  end
  local original = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  for _, want in ipairs(fix.then_lines) do
    local text = vim.api.nvim_buf_get_lines(bufnr, want.line, want.line + 1, true)[1]
    check(('%s: after the fix, line %d starts with %q'):format(label, want.line + 1, want.starts),
      starts_with(text, want.starts), text)
  end
  -- Neovim pulls the diagnostics again after the change.
  local gone = vim.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if tostring(d.code) == fix.then_gone then
        return false
      end
    end
    return true
  end, 20)
  check(('%s: after the fix, no %s'):format(label, fix.then_gone), gone)
  -- The fault back, for the settings check.
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, true, original)
end

-- Edits the buffer the way typing would (Neovim sends them as incremental
-- didChange), then checks the outline again: the server must have applied
-- each change at the right place, emoji and astral CJK included.
local function check_edits(label, bufnr, client, edits)
  for _, change in ipairs(edits.changes) do
    if change.insert_line then
      vim.api.nvim_buf_set_lines(bufnr, change.line, change.line, true, { change.insert_line })
    else
      local text = vim.api.nvim_buf_get_lines(bufnr, change.line, change.line + 1, true)[1]
      local byte = text:find(change.after, 1, true)
      if not check(('%s: edit after %q on line %d'):format(label, change.after, change.line + 1), byte ~= nil, text) then
        return
      end
      local col = byte - 1 + #change.after
      vim.api.nvim_buf_set_text(bufnr, change.line, col, change.line, col, { change.insert })
    end
  end
  check_symbols(label .. ' after edits', bufnr, client, edits.symbols or {})
  check_hovers(label .. ' after edits', bufnr, client, edits.hovers or {})
end

local expect = read_json(expect_file)

local function run()
  local names = vim.tbl_keys(expect.documents)
  table.sort(names)
  for _, file in ipairs(names) do
    local want = expect.documents[file]
    local started = vim.uv.hrtime()
    vim.cmd.edit(vim.fn.fnameescape(workspace .. '/' .. file))
    local bufnr = vim.api.nvim_get_current_buf()
    check(file .. ': filetype ' .. want.filetype, vim.bo[bufnr].filetype == want.filetype, vim.bo[bufnr].filetype)
    local attached = vim.wait(TIMEOUT, function()
      return #vim.lsp.get_clients({ bufnr = bufnr, name = 'baogao' }) > 0
    end, 20)
    if check(file .. ': client attached', attached) then
      local client = vim.lsp.get_clients({ bufnr = bufnr, name = 'baogao' })[1]
      check_symbols(file, bufnr, client, want.symbols or {})
      if want.diagnostics then
        check_diagnostics(file, bufnr, client, want.diagnostics)
      end
      check_hovers(file, bufnr, client, want.hovers or {})
      if want.fix then
        check_fix(file, bufnr, client, want.fix)
      end
      if want.edits then
        check_edits(file, bufnr, client, want.edits)
      end
    end
    out(('     %s took %d ms'):format(file, (vim.uv.hrtime() - started) / 1e6))
  end
end

-- A settings change reaches the running server the way Neovim users make
-- one: new `settings` on the client and a didChangeConfiguration.
local function check_settings(want)
  vim.cmd.edit(vim.fn.fnameescape(workspace .. '/' .. want.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client = vim.lsp.get_clients({ bufnr = bufnr, name = 'baogao' })[1]
  if not check('settings: a client', client ~= nil) then
    return
  end
  local settings = vim.deepcopy(client.settings)
  settings.baogao.rules = want.rules
  client.settings = settings
  client:notify('workspace/didChangeConfiguration', { settings = settings })
  local wanted = want['then']
  local found = vim.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if tostring(d.code) == wanted.code and d.lnum == wanted.line and d.severity == SEVERITY[wanted.severity] then
        return true
      end
    end
    return false
  end, 20)
  local seen = vim.tbl_map(function(d)
    return ('%s line %d severity %d'):format(tostring(d.code), d.lnum + 1, d.severity)
  end, vim.diagnostic.get(bufnr))
  check(('settings: baogao.rules %s makes %s on line %d an %s'):format(
    vim.json.encode(want.rules), wanted.code, wanted.line + 1, wanted.severity), found, vim.inspect(seen))
end

-- The plugin's own commands: :checkhealth finds the binary, :BaogaoRestart
-- brings up a new client on the same buffer that answers again.
local function check_commands()
  local bufnr = vim.api.nvim_get_current_buf()
  local before = vim.lsp.get_clients({ bufnr = bufnr, name = 'baogao' })[1]
  if not check('restart: a client to restart', before ~= nil) then
    return
  end
  vim.cmd('BaogaoRestart')
  local after
  local restarted = vim.wait(TIMEOUT, function()
    after = vim.lsp.get_clients({ bufnr = bufnr, name = 'baogao' })[1]
    return after ~= nil and after.id ~= before.id and after.initialized
  end, 20)
  check('restart: a new client attached', restarted)
  if restarted then
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
    local response = after:request_sync('textDocument/documentSymbol', params, TIMEOUT, bufnr)
    check('restart: the new server answers', response ~= nil and response.result ~= nil and #response.result > 0,
      vim.inspect(response))
  end

  vim.cmd('silent checkhealth baogao')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check('checkhealth baogao finds the server', report:find('OK ' .. vim.env.BAOGAO_BIN, 1, true) ~= nil, report)
end

local ok, err = xpcall(function()
  run()
  if expect.settings then
    check_settings(expect.settings)
  end
  check_commands()
end, debug.traceback)
check('test script ran to the end', ok, err)
local client = vim.lsp.get_clients({ name = 'baogao' })[1]
out(('---- %s: %d checks passed, %d failed'):format(client and client.offset_encoding or '?', passed, failed))
if vim.env.BAOGAO_RESULTS then
  local f = assert(io.open(vim.env.BAOGAO_RESULTS, 'a'))
  f:write(('%d %d\n'):format(passed, failed))
  f:close()
end
if failed > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
