-- Headless Neovim (0.7+) as a second LSP client: starts the Article Lens server over stdio with the
-- built-in client, opens one article, waits for its diagnostics and asks for a hover, then writes
-- what it saw as JSON to $ARTICLE_LENS_RESULT and quits. The node:test file asserts on that JSON.
local result = { diagnostics = {}, hover = nil, error = nil }

local function finish()
  local f = assert(io.open(os.getenv('ARTICLE_LENS_RESULT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local function main()
  local root = os.getenv('ARTICLE_LENS_ROOT')
  local article = os.getenv('ARTICLE_LENS_FILE')
  local server = os.getenv('ARTICLE_LENS_SERVER')
  local hover_line = tonumber(os.getenv('ARTICLE_LENS_HOVER_LINE'))
  local hover_col = tonumber(os.getenv('ARTICLE_LENS_HOVER_COL'))
  local wanted = os.getenv('ARTICLE_LENS_WAIT_FOR_CODE')

  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  -- The languageId of didOpen is the filetype; the server analyses language `article`.
  vim.bo[bufnr].filetype = 'article'

  local client_id = vim.lsp.start_client({
    name = 'article-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'corpus' } },
    -- Answers the server's workspace/configuration requests (section `articleLens`).
    settings = { articleLens = vim.empty_dict() },
  })
  if not client_id then
    error('vim.lsp.start_client failed')
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- The server republishes as the corpus index fills; wait for the code that needs the full index.
  local ok = vim.wait(40000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == wanted then
        return true
      end
    end
    return false
  end, 50)
  if not ok then
    result.error = 'timed out waiting for a ' .. wanted .. ' diagnostic'
  end

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, {
      code = code,
      severity = d.severity,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      source = d.source,
      message = d.message,
    })
  end

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = hover_line, character = hover_col },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 20000)
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then
      local contents = response.result.contents
      result.hover = type(contents) == 'table' and (contents.value or contents[1]) or contents
    end
    if response.err then
      result.error = 'hover failed: ' .. vim.inspect(response.err)
    end
  end

  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(main)
if not ok then
  result.error = tostring(err)
end
finish()
