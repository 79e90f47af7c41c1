-- :checkhealth baogao
local M = {}

function M.check()
  vim.health.start('baogao')
  if vim.fn.has('nvim-0.11') == 1 then
    vim.health.ok('Neovim ' .. tostring(vim.version()))
  else
    vim.health.error('Neovim 0.11 or newer is needed for vim.lsp.config', 'See editors/nvim/README.md for nvim-lspconfig setups')
  end

  local config = vim.lsp.config and vim.lsp.config.baogao
  local cmd = config and config.cmd
  local exe = type(cmd) == 'table' and cmd[1] or nil
  if exe == nil then
    vim.health.warn('The baogao config has no command list; is editors/nvim on runtimepath?')
  elseif vim.fn.executable(exe) == 1 then
    local version = vim.system({ exe, '--version' }, { text = true }):wait()
    vim.health.ok(('%s: %s'):format(vim.fn.exepath(exe), vim.trim(version.stdout or '')))
  else
    vim.health.error(('%s is not executable'):format(exe), {
      'Install it with `cargo install --path .` from the baogao repository',
      "or set the path: vim.lsp.config('baogao', { cmd = { '/path/to/baogao', 'lsp' } })",
    })
  end

  local clients = vim.lsp.get_clients({ name = 'baogao' })
  if #clients == 0 then
    vim.health.info('No baogao client is running (open a text or markdown file)')
  end
  for _, client in ipairs(clients) do
    vim.health.info(('client %d, root %s, buffers: %s'):format(
      client.id,
      client.root_dir or '(single file)',
      table.concat(vim.tbl_keys(client.attached_buffers), ', ')
    ))
  end
end

return M
